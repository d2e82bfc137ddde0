namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A LiveKit room (livekit.Room).</summary>
public sealed class Room
{
    /// <summary>"RM_…".</summary>
    public string Sid { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Seconds the room stays open with nobody in it.</summary>
    public uint EmptyTimeout { get; set; }

    /// <summary>Seconds the room stays open after the last participant left.</summary>
    public uint DepartureTimeout { get; set; }

    public uint MaxParticipants { get; set; }

    /// <summary>Unix seconds.</summary>
    public long CreationTime { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long CreationTimeMs { get; set; }

    public string TurnPassword { get; set; } = "";

    public string Metadata { get; set; } = "";

    public uint NumParticipants { get; set; }

    public uint NumPublishers { get; set; }

    public bool ActiveRecording { get; set; }
}
