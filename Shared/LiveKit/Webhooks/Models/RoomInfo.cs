namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's Room. For egress and ingress events only <see cref="Sid"/> and <see cref="Name"/> are sent.</summary>
public sealed class RoomInfo
{
    public string? Sid { get; set; }
    public string? Name { get; set; }
    /// <summary>Seconds an empty room stays open.</summary>
    public uint EmptyTimeout { get; set; }
    public uint DepartureTimeout { get; set; }
    public uint MaxParticipants { get; set; }
    /// <summary>Creation time (sent as Unix seconds).</summary>
    public DateTimeOffset? CreationTime { get; set; }
    public long CreationTimeMs { get; set; }
    public string? Metadata { get; set; }
    public uint NumParticipants { get; set; }
    public uint NumPublishers { get; set; }
    public bool ActiveRecording { get; set; }
}
