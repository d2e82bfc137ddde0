using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>StartEgress source: chosen tracks (livekit.MediaSource).</summary>
public sealed class MediaSource
{
    [ProtoOptional]
    public string? VideoTrackId { get; set; }

    [ProtoOptional]
    public ParticipantVideo? ParticipantVideo { get; set; }

    public AudioConfig? Audio { get; set; }
}
