using VoiceFunctions.Cli.Doctor.Carrier;
using VoiceFunctions.Shared.Telephony.Deployment.Model;

namespace VoiceFunctions.Cli.Doctor.Tls;

/// <summary>The TLS endpoints of a setup: the LiveKit URL (wss/https), TLS outbound trunks, and https webhook and health URLs.</summary>
public static class TlsTargets
{
    public static IEnumerable<(string Label, string Host, int Port)> From(DeploymentFile? file, string? liveKitUrl)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Secure(liveKitUrl) is { } livekit && seen.Add($"{livekit.Host}:{livekit.Port}"))
        {
            yield return ("livekit url", livekit.Host, livekit.Port);
        }
        foreach (var trunk in file?.OutboundTrunks.Where(t => t.Transport == SipTransport.Tls) ?? [])
        {
            if (trunk.Address?.Value is { } address && SipTarget.Parse(trunk.Name?.Value ?? "", address, ProbeTransport.Tls, false) is { } target
                && seen.Add($"{target.Host}:{target.Port}"))
            {
                yield return ($"outbound trunk '{trunk.Name?.Value}'", target.Host, target.Port);
            }
        }
        foreach (var (label, url) in new[] { ("webhook", file?.Webhook?.Url?.Value), ("mediahost health", file?.MediaHost?.HealthUrl?.Value) })
        {
            if (Secure(url) is { } uri && seen.Add($"{uri.Host}:{uri.Port}"))
            {
                yield return (label, uri.Host, uri.Port);
            }
        }
    }

    private static Uri? Secure(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "https" ? uri : null;
}
