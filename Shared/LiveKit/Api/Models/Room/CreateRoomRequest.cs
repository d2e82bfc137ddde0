namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.CreateRoom. Creating an existing room returns it unchanged.</summary>
public sealed class CreateRoomRequest
{
    public string Name { get; set; } = "";

    public string RoomPreset { get; set; } = "";

    /// <summary>Seconds.</summary>
    public uint EmptyTimeout { get; set; }

    /// <summary>Seconds.</summary>
    public uint DepartureTimeout { get; set; }

    public uint MaxParticipants { get; set; }

    public string NodeId { get; set; } = "";

    public string Metadata { get; set; } = "";

    /// <summary>Milliseconds.</summary>
    public uint MinPlayoutDelay { get; set; }

    /// <summary>Milliseconds.</summary>
    public uint MaxPlayoutDelay { get; set; }

    public bool SyncStreams { get; set; }

    public bool ReplayEnabled { get; set; }

    public List<RoomAgentDispatch> Agents { get; set; } = [];

    public Dictionary<string, string> Tags { get; set; } = [];

    public RoomEgress? Egress { get; set; }
}
