using System.Globalization;

namespace VoiceFunctions.Cli.Doctor.Carrier;

/// <summary>A carrier address to probe: what it is called in the configuration, host, port and transport.</summary>
public sealed record SipTarget(string Label, string Host, int Port, ProbeTransport Transport, bool HasCredentials)
{
    /// <summary>Reads "host", "host:port" or "[v6]:port"; the port defaults to 5060 (5061 over TLS).</summary>
    public static SipTarget? Parse(string label, string address, ProbeTransport transport, bool hasCredentials)
    {
        address = address.Trim();
        if (address.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || address.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            address = address[(address.IndexOf(':') + 1)..];
        }
        var defaultPort = transport == ProbeTransport.Tls ? 5061 : 5060;
        string host;
        var port = defaultPort;
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']');
            if (close < 0)
            {
                return null;
            }
            host = address[1..close];
            if (close + 1 < address.Length && (address[close + 1] != ':' || !int.TryParse(address[(close + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out port)))
            {
                return null;
            }
        }
        else
        {
            var colon = address.LastIndexOf(':');
            host = colon < 0 ? address : address[..colon];
            if (colon >= 0 && !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
            {
                return null;
            }
        }
        return host.Length == 0 || port is < 1 or > 65535 ? null : new SipTarget(label, host, port, transport, hasCredentials);
    }

    public override string ToString() => $"{Host}:{Port} over {Transport.ToString().ToUpperInvariant()}";
}
