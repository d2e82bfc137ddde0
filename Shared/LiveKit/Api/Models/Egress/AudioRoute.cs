using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>One audio source and the channel it goes to (livekit.AudioRoute).</summary>
public sealed class AudioRoute
{
    [ProtoOptional]
    public string? TrackId { get; set; }

    [ProtoOptional]
    public string? ParticipantIdentity { get; set; }

    [ProtoOptional]
    public VoiceFunctions.Shared.LiveKit.ParticipantKind? ParticipantKind { get; set; }

    public AudioChannel Channel { get; set; }
}
