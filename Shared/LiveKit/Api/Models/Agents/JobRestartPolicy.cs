using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.JobRestartPolicy.</summary>
public enum JobRestartPolicy
{
    [JsonStringEnumMemberName("JRP_ON_FAILURE")]
    OnFailure = 0,
    [JsonStringEnumMemberName("JRP_NEVER")]
    Never = 1,
}
