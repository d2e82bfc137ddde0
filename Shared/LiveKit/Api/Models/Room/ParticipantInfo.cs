namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A participant in a room (livekit.ParticipantInfo).</summary>
public sealed class ParticipantInfo
{
    /// <summary>"PA_…".</summary>
    public string Sid { get; set; } = "";

    public string Identity { get; set; } = "";

    public ParticipantState State { get; set; }

    public List<TrackInfo> Tracks { get; set; } = [];

    public string Metadata { get; set; } = "";

    /// <summary>Unix seconds.</summary>
    public long JoinedAt { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long JoinedAtMs { get; set; }

    public string Name { get; set; } = "";

    public uint Version { get; set; }

    public ParticipantPermission? Permission { get; set; }

    public string Region { get; set; } = "";

    public bool IsPublisher { get; set; }

    public ParticipantKind Kind { get; set; }

    /// <summary>Includes the sip.* attributes of SIP participants.</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];

    public DisconnectReason DisconnectReason { get; set; }
}
