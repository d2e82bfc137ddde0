using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.SIPDispatchRule: a oneof, set exactly one member.</summary>
public sealed class SipDispatchRule
{
    [ProtoOptional]
    public SipDispatchRuleDirect? DispatchRuleDirect { get; set; }

    [ProtoOptional]
    public SipDispatchRuleIndividual? DispatchRuleIndividual { get; set; }

    [ProtoOptional]
    public SipDispatchRuleCallee? DispatchRuleCallee { get; set; }
}
