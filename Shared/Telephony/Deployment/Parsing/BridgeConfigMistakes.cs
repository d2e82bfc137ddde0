using VoiceFunctions.Shared.Telephony.Deployment.Model;

namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>
/// Keys people write because they believe the LiveKit SIP bridge's config.yaml reads them. The bridge
/// parses its file non-strictly, so such keys are silently ignored there: no error, no effect.
/// Each entry says where the setting really lives.
/// </summary>
public static class BridgeConfigMistakes
{
    private const string Ignored = "The LiveKit SIP bridge parses its config.yaml non-strictly and silently ignores this key (no error, no effect).";

    private static readonly Dictionary<string, string> Explanations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sip_trunks"] = Ignored + " Trunks live in LiveKit (stored in Redis) and are created only through the livekit.SIP API: write them under inbound_trunks / outbound_trunks at the top of voice.yaml and run `voicectl sip apply`.",
        ["trunks"] = Ignored + " Trunks live in LiveKit (stored in Redis) and are created only through the livekit.SIP API: write them under inbound_trunks / outbound_trunks at the top of voice.yaml and run `voicectl sip apply`.",
        ["routing"] = Ignored + " Routing is done by dispatch rules created through the livekit.SIP API: write them under dispatch_rules at the top of voice.yaml.",
        ["dispatch_rules"] = Ignored + " Dispatch rules are created through the livekit.SIP API: move this list to the top level of voice.yaml.",
        ["audio_codecs"] = Ignored + " The bridge's codec setting is `codecs:`, a map of SDP name to bool (\"PCMU/8000\": true); write the codec names as a list under sip_bridge.codecs (or media_host.codecs) and voicectl generates the map.",
        ["webhooks"] = Ignored + " Webhooks are configured on livekit-server (webhook: {api_key, urls}); the SIP bridge sends none, SIP callers appear as participant events of kind SIP. Write the URL under webhook.url at the top of voice.yaml.",
        ["webhook"] = Ignored + " Webhooks are configured on livekit-server (webhook: {api_key, urls}); the SIP bridge sends none. Write the URL under webhook.url at the top of voice.yaml.",
        ["log_level"] = Ignored + " The bridge's real key is logging.level: write sip_bridge.logging.level.",
        ["rtp_port_start"] = Ignored + " The bridge reads one string rtp_port: \"start-end\" (default \"10000-20000\"): write sip_bridge.rtp_port.",
        ["rtp_port_end"] = Ignored + " The bridge reads one string rtp_port: \"start-end\" (default \"10000-20000\"): write sip_bridge.rtp_port.",
        ["rtp_port_min"] = Ignored + " The bridge reads one string rtp_port: \"start-end\" (default \"10000-20000\"): write sip_bridge.rtp_port.",
        ["rtp_port_max"] = Ignored + " The bridge reads one string rtp_port: \"start-end\" (default \"10000-20000\"): write sip_bridge.rtp_port.",
    };

    /// <summary>Keys the bridge does read but that voice.yaml takes from the livekit section instead.</summary>
    private static readonly Dictionary<string, string> FromLiveKitSection = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api_key"] = "The bridge's api_key is written from livekit.api_key by `voicectl sip bridge-config`; keep it there only.",
        ["api_secret"] = "The bridge's api_secret is written from livekit.api_secret by `voicectl sip bridge-config`; keep it there only.",
        ["ws_url"] = "The bridge's ws_url is written from livekit.url by `voicectl sip bridge-config`; keep it there only.",
    };

    /// <summary>The explanation for <paramref name="key"/> written in a mapping of <paramref name="owner"/>, if it is a known mistake.</summary>
    public static string? Explain(Type owner, string key)
    {
        if (owner == typeof(SipBridgeSettings) && FromLiveKitSection.TryGetValue(key, out var fromLiveKit))
        {
            return fromLiveKit;
        }
        if (owner != typeof(SipBridgeSettings) && owner != typeof(DeploymentFile))
        {
            return null;
        }
        if (owner == typeof(DeploymentFile) && (key == "dispatch_rules" || key == "webhook"))
        {
            return null;
        }
        return Explanations.GetValueOrDefault(key);
    }
}
