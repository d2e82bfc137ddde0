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
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var text = value.Trim();
        // sent-protocol: "SIP" / "2.0" / transport, with optional whitespace around the slashes.
        var parts = new string[3];
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
            parts[part] = text[start..i];
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
        if (!parts[0].Equals("SIP", StringComparison.OrdinalIgnoreCase) || parts[1] != "2.0" || parts[2].Length == 0)
        {
            return false;
        }
        var semi = text.IndexOf(';', i);
        var sentBy = semi < 0 ? text[i..] : text[i..semi];
        if (!SipUri.TrySplitHostPort(sentBy, out var host, out var port)
            || !SipParameters.TryParse(semi < 0 ? "" : text[(semi + 1)..], out var parameters))
        {
            return false;
        }
        via = new SipVia { Transport = parts[2].ToUpperInvariant(), Host = host, Port = port, Parameters = parameters };
        return true;
    }

    public override string ToString() => $"SIP/2.0/{Transport} {Host}{(Port is { } p ? ":" + p : "")}{Parameters}";
}
