using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A Request-URI override (livekit.SIPRequestDest).</summary>
public sealed class SipRequestDest
{
    [ProtoOptional]
    public string? Raw { get; set; }

    [ProtoOptional]
    public SipUri? Values { get; set; }
}
