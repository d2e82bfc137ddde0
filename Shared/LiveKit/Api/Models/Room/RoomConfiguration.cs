namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>
/// How a room is created (livekit.RoomConfiguration). A dispatch rule carries one, so the room an inbound
/// call lands in gets its metadata and its agents dispatched when the bridge creates it.
/// </summary>
public sealed class RoomConfiguration
{
    public string Name { get; set; } = "";

    /// <summary>Seconds.</summary>
    public uint EmptyTimeout { get; set; }

    /// <summary>Seconds.</summary>
    public uint DepartureTimeout { get; set; }

    public uint MaxParticipants { get; set; }

    public string Metadata { get; set; } = "";

    /// <summary>Milliseconds.</summary>
    public uint MinPlayoutDelay { get; set; }

    /// <summary>Milliseconds.</summary>
    public uint MaxPlayoutDelay { get; set; }

    public bool SyncStreams { get; set; }

    public List<RoomAgentDispatch> Agents { get; set; } = [];

    public RoomEgress? Egress { get; set; }

    public Dictionary<string, string> Tags { get; set; } = [];
}
