using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>Codec names the MediaHost and the bridge support, a common codec between them, port ranges, log level.</summary>
internal static class CodecChecks
{
    public static void Run(ValidationContext context)
    {
        var file = context.File;
        var mediaHost = file.MediaHost is null ? null : CheckList(context, file.MediaHost.Codecs, "media_host.codecs");
        var bridge = file.SipBridge is null ? null : CheckList(context, file.SipBridge.Codecs, "sip_bridge.codecs");

        if (file.MediaHost is { } host && mediaHost is { Count: > 0 })
        {
            var bridgeAudio = bridge is { Count: > 0 } ? bridge : SupportedCodecs.BridgeDefaults;
            if (!mediaHost.Intersect(bridgeAudio).Any(SupportedCodecs.IsAudio))
            {
                context.Error(DiagnosticCodes.UnsupportedCodec, host.Codecs[0].Position,
                    "the MediaHost and the SIP bridge have no audio codec in common",
                    $"The bridge offers {string.Join(", ", bridgeAudio.Where(SupportedCodecs.IsAudio))}; with no common codec it answers the agent's leg with 400. Add one of them to media_host.codecs.");
            }
            if (!mediaHost.Any(SupportedCodecs.IsAudio))
            {
                context.Error(DiagnosticCodes.UnsupportedCodec, host.Codecs[0].Position, "media_host.codecs has no audio codec, only telephone-event");
            }
        }
        if (file.MediaHost is { } ports)
        {
            var min = ports.RtpPortMin?.Value ?? MediaHostSettings.DefaultRtpPortMin;
            var max = ports.RtpPortMax?.Value ?? MediaHostSettings.DefaultRtpPortMax;
            if (min > max)
            {
                context.Error(DiagnosticCodes.InvalidValue, (ports.RtpPortMax ?? ports.RtpPortMin)!.Position,
                    $"media_host.rtp_port_min ({min}) is above rtp_port_max ({max})");
            }
        }
        CheckBridgeSettings(context, file.SipBridge);
    }

    private static List<string> CheckList(ValidationContext context, List<Located<string>> codecs, string what)
    {
        var names = new List<string>();
        foreach (var codec in codecs)
        {
            var canonical = SupportedCodecs.Canonical(codec.Value);
            if (canonical is null)
            {
                var suggestion = EditDistance.ClosestMatch(codec.Value, SupportedCodecs.Names);
                context.Error(DiagnosticCodes.UnsupportedCodec, codec.Position,
                    $"'{codec.Value}' in {what} is not a supported codec" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"),
                    $"Supported: {string.Join(", ", SupportedCodecs.Names)}. Write the name only; the rate is implied.");
                continue;
            }
            if (names.Contains(canonical))
            {
                context.Warning(DiagnosticCodes.UnsupportedCodec, codec.Position, $"'{codec.Value}' is listed twice in {what}");
                continue;
            }
            names.Add(canonical);
        }
        return names;
    }

    private static void CheckBridgeSettings(ValidationContext context, SipBridgeSettings? bridge)
    {
        if (bridge?.RtpPort is { } range && !PortRange.TryParse(range.Value, out _, out var problem))
        {
            context.Error(DiagnosticCodes.InvalidValue, range.Position, $"sip_bridge.rtp_port '{range.Value}' is invalid: {problem}",
                "The bridge reads one string \"start-end\", e.g. \"10000-20000\" (its default).");
        }
        if (bridge?.Logging?.Level is { } level && !BridgeLogLevels.Contains(level.Value))
        {
            context.Error(DiagnosticCodes.InvalidValue, level.Position,
                $"sip_bridge.logging.level must be one of {string.Join(", ", BridgeLogLevels)}; found '{level.Value}'");
        }
    }

    private static readonly string[] BridgeLogLevels = ["debug", "info", "warn", "error"];
}
