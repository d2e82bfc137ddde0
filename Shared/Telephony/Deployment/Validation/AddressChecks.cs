using System.Net;
using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>Allowed addresses are IPs, CIDRs or host names; SIP addresses are host[:port]; URLs have the right scheme.</summary>
internal static class AddressChecks
{
    public static void Run(ValidationContext context)
    {
        var file = context.File;
        foreach (var trunk in file.InboundTrunks)
        {
            foreach (var address in trunk.AllowedAddresses)
            {
                CheckAllowedAddress(context, address);
            }
        }
        foreach (var trunk in file.OutboundTrunks)
        {
            if (trunk.Address is { } address)
            {
                CheckSipAddress(context, address, "outbound trunk address");
            }
        }
        if (file.MediaHost?.SipAddress is { } mediaHost)
        {
            CheckSipAddress(context, mediaHost, "media_host.sip_address");
        }
        if (file.SipBridge?.Redis?.Address is { } redis)
        {
            CheckSipAddress(context, redis, "sip_bridge.redis.address");
        }

        CheckUrl(context, file.LiveKit?.Url, "livekit.url", ["wss", "ws", "https", "http"]);
        CheckUrl(context, file.Webhook?.Url, "webhook.url", ["https", "http"]);
        CheckUrl(context, file.MediaHost?.HealthUrl, "media_host.health_url", ["https", "http"]);
        CheckUrl(context, file.ControlPlane?.ApiUrl, "control_plane.api_url", ["https", "http"]);
    }

    private static void CheckAllowedAddress(ValidationContext context, Located<string> address)
    {
        var text = address.Value.Trim();
        if (text.Contains('/'))
        {
            CheckCidr(context, address, text);
            return;
        }
        if (IPAddress.TryParse(text, out _))
        {
            return;
        }
        if (LooksNumeric(text) || !IsHostName(text))
        {
            context.Error(DiagnosticCodes.InvalidAddress, address.Position,
                $"'{text}' is not an IP address, a CIDR block or a host name",
                "Write the provider's signalling addresses, e.g. 185.45.152.42, 185.45.152.0/24 or sip.provider.example.");
        }
    }

    private static void CheckCidr(ValidationContext context, Located<string> address, string text)
    {
        var slash = text.IndexOf('/');
        var ipPart = text[..slash];
        var prefixPart = text[(slash + 1)..];
        if (!IPAddress.TryParse(ipPart, out var ip))
        {
            context.Error(DiagnosticCodes.InvalidAddress, address.Position, $"'{text}' is not a valid CIDR block: '{ipPart}' is not an IP address");
            return;
        }
        var maxPrefix = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        if (!int.TryParse(prefixPart, out var prefix) || prefix < 0 || prefix > maxPrefix)
        {
            context.Error(DiagnosticCodes.InvalidAddress, address.Position,
                $"'{text}' is not a valid CIDR block: the prefix length must be 0 to {maxPrefix}");
            return;
        }
        var masked = Mask(ip, prefix);
        if (!masked.Equals(ip))
        {
            var network = new IPNetwork(masked, prefix);
            context.Error(DiagnosticCodes.InvalidAddress, address.Position,
                $"'{text}' is not a valid CIDR block: bits are set after the /{prefix} prefix (did you mean {network}?)");
        }
    }

    private static IPAddress Mask(IPAddress ip, int prefix)
    {
        var bytes = ip.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }

    private static void CheckSipAddress(ValidationContext context, Located<string> address, string what)
    {
        var text = address.Value.Trim();
        if (text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            context.Error(DiagnosticCodes.InvalidAddress, address.Position,
                $"{what} '{text}' must not start with '{text[..text.IndexOf(':')]}:'",
                $"LiveKit builds the request URI itself (sip:<number>@<address>); write only host or host:port, e.g. '{text[(text.IndexOf(':') + 1)..]}'.");
            return;
        }
        var host = text;
        var colon = text.LastIndexOf(':');
        if (colon > 0 && !text.EndsWith(']') && text.Count(c => c == ':') == 1)
        {
            host = text[..colon];
            if (!int.TryParse(text[(colon + 1)..], out var port) || port < 1 || port > 65535)
            {
                context.Error(DiagnosticCodes.InvalidAddress, address.Position, $"{what} '{text}' has an invalid port (1 to 65535)");
                return;
            }
        }
        if (!IPAddress.TryParse(host.Trim('[', ']'), out _) && (LooksNumeric(host) || !IsHostName(host)))
        {
            context.Error(DiagnosticCodes.InvalidAddress, address.Position, $"{what} '{text}' is not host or host:port");
        }
    }

    private static void CheckUrl(ValidationContext context, Located<string>? url, string what, string[] schemes)
    {
        if (url is null)
        {
            return;
        }
        if (!Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
        {
            context.Error(DiagnosticCodes.InvalidValue, url.Position,
                $"{what} '{url.Value}' is not an absolute URL starting with {string.Join(", ", schemes.Select(s => s + "://"))}");
            return;
        }
        if (what == "webhook.url" && uri.Scheme != "https" && context.File.Mode == DeploymentMode.Production)
        {
            context.Error(DiagnosticCodes.InsecureWebhook, url.Position,
                "webhook.url must use https in production mode",
                "LiveKit's webhooks carry call events and a signed token; over http they can be read and replayed on the way. "
                + "Use the https URL of the function app, or set mode: development for a local run.");
        }
    }

    private static bool LooksNumeric(string text) => text.All(c => char.IsAsciiDigit(c) || c == '.');

    private static bool IsHostName(string text) =>
        text.Length is > 0 and <= 253
        && text.Split('.').All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-');
}
