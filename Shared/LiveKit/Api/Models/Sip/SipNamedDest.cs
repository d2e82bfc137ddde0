using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A To/From header override (livekit.SIPNamedDest).</summary>
public sealed class SipNamedDest
{
    public string DisplayName { get; set; } = "";

    [ProtoOptional]
    public string? Raw { get; set; }

    [ProtoOptional]
    public SipUri? Values { get; set; }
}
