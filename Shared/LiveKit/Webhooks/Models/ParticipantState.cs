namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>ParticipantInfo.State; absent on the wire means <see cref="Joining"/>.</summary>
public enum ParticipantState
{
    Joining = 0,
    Joined = 1,
    Active = 2,
    Disconnected = 3,
}
