using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.UpdateSIPOutboundTrunk: exactly one of Replace or Update.</summary>
public sealed class UpdateSipOutboundTrunkRequest
{
    public string SipTrunkId { get; set; } = "";

    [ProtoOptional]
    public SipOutboundTrunkInfo? Replace { get; set; }

    [ProtoOptional]
    public SipOutboundTrunkUpdate? Update { get; set; }
}
