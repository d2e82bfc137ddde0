using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.UpdateSIPInboundTrunk: exactly one of Replace or Update.</summary>
public sealed class UpdateSipInboundTrunkRequest
{
    public string SipTrunkId { get; set; } = "";

    [ProtoOptional]
    public SipInboundTrunkInfo? Replace { get; set; }

    [ProtoOptional]
    public SipInboundTrunkUpdate? Update { get; set; }
}
