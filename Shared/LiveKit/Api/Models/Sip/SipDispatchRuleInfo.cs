namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A dispatch rule (livekit.SIPDispatchRuleInfo): which room an inbound call goes to.</summary>
public sealed class SipDispatchRuleInfo
{
    /// <summary>"SDR_…".</summary>
    public string SipDispatchRuleId { get; set; } = "";

    public SipDispatchRule? Rule { get; set; }

    /// <summary>Empty = every trunk (and calls that matched none).</summary>
    public List<string> TrunkIds { get; set; } = [];

    public bool HidePhoneNumber { get; set; }

    /// <summary>Caller numbers, matched exactly.</summary>
    public List<string> InboundNumbers { get; set; } = [];

    /// <summary>Called numbers, matched exactly.</summary>
    public List<string> Numbers { get; set; } = [];

    public string Name { get; set; } = "";

    public string Metadata { get; set; } = "";

    public Dictionary<string, string> Attributes { get; set; } = [];

    public string RoomPreset { get; set; } = "";

    /// <summary>The room the rule creates: its metadata and the agents dispatched into it.</summary>
    public RoomConfiguration? RoomConfig { get; set; }

    public bool KrispEnabled { get; set; }

    public SipMediaEncryption MediaEncryption { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public SipMediaConfig? Media { get; set; }
}
