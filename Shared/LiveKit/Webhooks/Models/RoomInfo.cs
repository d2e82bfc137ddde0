namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's Room. For egress and ingress events only <see cref="Sid"/> and <see cref="Name"/> are sent.</summary>
public sealed class RoomInfo
{
    public string? Sid { get; init; }
    public string? Name { get; init; }
    /// <summary>Seconds an empty room stays open.</summary>
    public uint EmptyTimeout { get; init; }
    public uint DepartureTimeout { get; init; }
    public uint MaxParticipants { get; init; }
    /// <summary>Creation time (sent as Unix seconds).</summary>
    public DateTimeOffset? CreationTime { get; init; }
    public long CreationTimeMs { get; init; }
    public string? Metadata { get; init; }
    public uint NumParticipants { get; init; }
    public uint NumPublishers { get; init; }
    public bool ActiveRecording { get; init; }
}
