namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>EgressInfo.Status (protobuf numbers; absent means <see cref="Starting"/>).</summary>
public enum EgressStatus
{
    Starting = 0,
    Active = 1,
    Ending = 2,
    Complete = 3,
    Failed = 4,
    Aborted = 5,
    LimitReached = 6,
}
