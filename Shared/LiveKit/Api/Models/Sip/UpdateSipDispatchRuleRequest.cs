using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.UpdateSIPDispatchRule: exactly one of Replace or Update.</summary>
public sealed class UpdateSipDispatchRuleRequest
{
    public string SipDispatchRuleId { get; set; } = "";

    [ProtoOptional]
    public SipDispatchRuleInfo? Replace { get; set; }

    [ProtoOptional]
    public SipDispatchRuleUpdate? Update { get; set; }
}
