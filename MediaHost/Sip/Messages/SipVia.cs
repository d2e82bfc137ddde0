namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// One Via value: "SIP/2.0/UDP host:port;branch=z9hG4bK...;received=...;rport=...". The branch identifies the
/// transaction (RFC 3261 section 17.2.3); received/rport record where the request really came from (RFC 3581).
/// </summary>
public sealed class SipVia
{
    /// <summary>The magic cookie that marks an RFC 3261 branch.</summary>
    public const string BranchCookie = "z9hG4bK";

    public required string Transport { get; init; }

    public required string Host { get; init; }

    public int? Port { get; init; }

    public SipParameters Parameters { get; init; } = new();

    public string? Branch => Parameters.Get("branch");

    public string? Received => Parameters.Get("received");

    /// <summary>True when the sender asked for rport (RFC 3581), with or without a value.</summary>
    public bool HasRPort => Parameters.Contains("rport");

    public static bool TryParse(string? value, out SipVia via)
    {
        via = null!;
        if (value is null || !TryParse(value, out var transport, out var host, out var port, out var parameterText)
            || !SipParameters.TryParse(parameterText.ToString(), out var parameters))
        {
            return false;
        }
        via = new SipVia { Transport = TransportName(transport), Host = host.ToString(), Port = port, Parameters = parameters };
        return true;
    }

    /// <summary>The same check as <see cref="TryParse(string?, out SipVia)"/> without building anything.</summary>
    public static bool IsValid(ReadOnlySpan<char> value) =>
        TryParse(value, out _, out _, out _, out var parameters) && SipParameters.IsValid(parameters);

    /// <summary>Splits a Via value into its parts; the parameters (after the first ';') are not checked here.</summary>
    private static bool TryParse(ReadOnlySpan<char> value, out ReadOnlySpan<char> transport, out ReadOnlySpan<char> host,
        out int? port, out ReadOnlySpan<char> parameters)
    {
        transport = default;
        host = default;
        port = null;
        parameters = default;
        if (value.IsWhiteSpace())
        {
            return false;
        }
        var text = value.Trim();
        // sent-protocol: "SIP" / "2.0" / transport, with optional whitespace around the slashes.
        ReadOnlySpan<char> protocol = default, version = default;
        var i = 0;
        for (var part = 0; part < 3; part++)
        {
            while (i < text.Length && SipSyntax.IsWhitespace(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && SipSyntax.IsTokenChar(text[i]))
            {
                i++;
            }
            switch (part)
            {
                case 0: protocol = text[start..i]; break;
                case 1: version = text[start..i]; break;
                default: transport = text[start..i]; break;
            }
            while (i < text.Length && SipSyntax.IsWhitespace(text[i]))
            {
                i++;
            }
            if (part < 2)
            {
                if (i >= text.Length || text[i] != '/')
                {
                    return false;
                }
                i++;
            }
        }
        if (!protocol.Equals("SIP", StringComparison.OrdinalIgnoreCase) || version is not "2.0" || transport.Length == 0)
        {
            return false;
        }
        var semi = text[i..].IndexOf(';');
        var sentBy = semi < 0 ? text[i..] : text[i..(i + semi)];
        parameters = semi < 0 ? default : text[(i + semi + 1)..];
        return SipUri.TrySplitHostPort(sentBy, out host, out port);
    }

    /// <summary>Upper-case transport names; the usual ones without allocating.</summary>
    private static string TransportName(ReadOnlySpan<char> transport) => transport switch
    {
        _ when transport.Equals("UDP", StringComparison.OrdinalIgnoreCase) => "UDP",
        _ when transport.Equals("TCP", StringComparison.OrdinalIgnoreCase) => "TCP",
        _ when transport.Equals("TLS", StringComparison.OrdinalIgnoreCase) => "TLS",
        _ => transport.ToString().ToUpperInvariant(),
    };

    public override string ToString() => $"SIP/2.0/{Transport} {Host}{(Port is { } p ? ":" + p : "")}{Parameters}";
}
