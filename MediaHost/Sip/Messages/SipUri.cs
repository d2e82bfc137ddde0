namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// A sip:, sips: or tel: URI: user, host, port, parameters and headers. Only what the stack uses is parsed;
/// <see cref="ToString"/> rebuilds an equivalent URI.
/// </summary>
public sealed class SipUri
{
    public required string Scheme { get; init; }

    /// <summary>The user part (the number, for calls), without any password; null when absent.</summary>
    public string? User { get; init; }

    public required string Host { get; init; }

    public int? Port { get; init; }

    public SipParameters Parameters { get; init; } = new();

    /// <summary>The "?header=value" part as received, without the '?', or null.</summary>
    public string? Headers { get; init; }

    public static bool TryParse(string? text, out SipUri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        var colon = text.IndexOf(':');
        if (colon <= 0 || !SipSyntax.IsToken(text.AsSpan(0, colon)))
        {
            return false;
        }
        var scheme = text[..colon].ToLowerInvariant();
        var rest = text[(colon + 1)..];
        string? headers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            headers = rest[(question + 1)..];
            rest = rest[..question];
        }
        if (scheme == "tel")
        {
            var semi = rest.IndexOf(';');
            var number = semi < 0 ? rest : rest[..semi];
            if (number.Length == 0 || !SipParameters.TryParse(semi < 0 ? "" : rest[(semi + 1)..], out var telParams))
            {
                return false;
            }
            uri = new SipUri { Scheme = scheme, User = number, Host = "", Parameters = telParams, Headers = headers };
            return true;
        }
        if (scheme is not ("sip" or "sips"))
        {
            return false;
        }
        string? user = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            user = rest[..at];
            var password = user.IndexOf(':');
            if (password >= 0)
            {
                user = user[..password];
            }
            rest = rest[(at + 1)..];
        }
        var paramStart = rest.IndexOf(';');
        var hostPort = paramStart < 0 ? rest : rest[..paramStart];
        if (!SipParameters.TryParse(paramStart < 0 ? "" : rest[(paramStart + 1)..], out var parameters)
            || !TrySplitHostPort(hostPort, out var host, out var port))
        {
            return false;
        }
        uri = new SipUri { Scheme = scheme, User = user, Host = host, Port = port, Parameters = parameters, Headers = headers };
        return true;
    }

    /// <summary>Splits "host", "host:port", "[v6]" or "[v6]:port"; ports are 1..65535 with leading zeros allowed.</summary>
    public static bool TrySplitHostPort(string hostPort, out string host, out int? port)
    {
        var ok = TrySplitHostPort(hostPort.AsSpan(), out var hostSpan, out port);
        host = ok ? hostSpan.ToString() : "";
        return ok;
    }

    /// <inheritdoc cref="TrySplitHostPort(string, out string, out int?)"/>
    public static bool TrySplitHostPort(ReadOnlySpan<char> hostPort, out ReadOnlySpan<char> host, out int? port)
    {
        host = default;
        port = null;
        hostPort = hostPort.Trim();
        ReadOnlySpan<char> portText;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0)
            {
                return false;
            }
            host = hostPort[..(close + 1)];
            portText = hostPort[(close + 1)..];
            if (portText.Length > 0 && portText[0] != ':')
            {
                return false;
            }
            portText = portText.Length > 0 ? portText[1..] : default;
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            portText = colon < 0 ? default : hostPort[(colon + 1)..];
            if (portText.Length == 0 && colon >= 0)
            {
                return false;
            }
        }
        if (host.Length == 0 || !IsHost(host))
        {
            return false;
        }
        if (portText.Length > 0)
        {
            if (!SipSyntax.TryParseBoundedInt(portText.Trim(), 65535, out var parsed) || parsed == 0)
            {
                return false;
            }
            port = parsed;
        }
        return true;
    }

    /// <summary>
    /// A host is an IPv6 reference ("[" IPv6address "]", RFC 5118) or a name or IPv4 address of letters, digits, '-',
    /// '.' (and '_', which real peers send).
    /// </summary>
    private static bool IsHost(ReadOnlySpan<char> host)
    {
        if (host[0] == '[')
        {
            return host[^1] == ']' && host.Length > 2
                && System.Net.IPAddress.TryParse(host[1..^1], out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }
        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString()
    {
        var builder = new System.Text.StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(User);
            if (Scheme != "tel")
            {
                builder.Append('@');
            }
        }
        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }
        builder.Append(Parameters.ToString());
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }
        return builder.ToString();
    }
}
