namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>IngressState.Status (protobuf numbers; absent means <see cref="EndpointInactive"/>).</summary>
public enum IngressStatus
{
    EndpointInactive = 0,
    EndpointBuffering = 1,
    EndpointPublishing = 2,
    EndpointError = 3,
    EndpointComplete = 4,
}
