namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.CreateSIPDispatchRule in its long-standing top-level form, which every server version reads (newer servers also take the nested DispatchRule).</summary>
public sealed class CreateSipDispatchRuleRequest
{
    public SipDispatchRule? Rule { get; set; }

    public List<string> TrunkIds { get; set; } = [];

    public bool HidePhoneNumber { get; set; }

    public List<string> InboundNumbers { get; set; } = [];

    public string Name { get; set; } = "";

    public string Metadata { get; set; } = "";

    public Dictionary<string, string> Attributes { get; set; } = [];

    public string RoomPreset { get; set; } = "";

    public RoomConfiguration? RoomConfig { get; set; }

    /// <summary>The preferred nested form on newer servers; the client leaves it null.</summary>
    public SipDispatchRuleInfo? DispatchRule { get; set; }
}
