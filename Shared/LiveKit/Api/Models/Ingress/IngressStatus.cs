using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.IngressState.Status.</summary>
public enum IngressStatus
{
    [JsonStringEnumMemberName("ENDPOINT_INACTIVE")]
    EndpointInactive = 0,
    [JsonStringEnumMemberName("ENDPOINT_BUFFERING")]
    EndpointBuffering = 1,
    [JsonStringEnumMemberName("ENDPOINT_PUBLISHING")]
    EndpointPublishing = 2,
    [JsonStringEnumMemberName("ENDPOINT_ERROR")]
    EndpointError = 3,
    [JsonStringEnumMemberName("ENDPOINT_COMPLETE")]
    EndpointComplete = 4,
}
