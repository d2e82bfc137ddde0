using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Field-wise changes to a dispatch rule.</summary>
public sealed class SipDispatchRuleUpdate
{
    public ListUpdate? TrunkIds { get; set; }

    public SipDispatchRule? Rule { get; set; }

    [ProtoOptional]
    public string? Name { get; set; }

    [ProtoOptional]
    public string? Metadata { get; set; }

    public Dictionary<string, string> Attributes { get; set; } = [];

    [ProtoOptional]
    public SipMediaEncryption? MediaEncryption { get; set; }

    public SipMediaConfig? Media { get; set; }
}
