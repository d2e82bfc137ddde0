using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// Turns Sip:ExternalAddress into the IP address the MediaHost advertises (Via, Contact, SDP c=). Deployments often
/// know only a host name before the address exists (a container group's DNS label, a node's public name), so a
/// host name is accepted and resolved once at start; SDP needs an address, which is why it is not advertised as a
/// name. IPv4 is preferred (carriers' SDP is IPv4 in practice). A name that does not resolve stops the start with
/// the setting and the reason.
/// </summary>
public static class AdvertisedAddressResolver
{
    /// <summary>True when <paramref name="value"/> is an IP address or a syntactically valid DNS host name (whose
    /// last label is not all digits, RFC 1123: "300.1.1.1" is a mistyped address, not a name).</summary>
    public static bool IsAddressOrHostName(string value) =>
        IPAddress.TryParse(value, out _)
        || (Uri.CheckHostName(value) == UriHostNameType.Dns && !value.TrimEnd('.').Split('.')[^1].All(char.IsAsciiDigit));

    /// <summary>The address to advertise; null when none is configured (the bound address is used).</summary>
    public static IPAddress? Resolve(string? externalAddress, Func<string, IPAddress[]>? lookup = null)
    {
        if (string.IsNullOrEmpty(externalAddress))
        {
            return null;
        }
        if (IPAddress.TryParse(externalAddress, out var address))
        {
            return address;
        }
        IPAddress[] addresses;
        try
        {
            addresses = (lookup ?? Dns.GetHostAddresses)(externalAddress);
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException($"Sip:ExternalAddress '{externalAddress}' did not resolve ({ex.SocketErrorCode}): the MediaHost cannot advertise an address peers reach it on.", ex);
        }
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Sip:ExternalAddress '{externalAddress}' resolved to no address: the MediaHost cannot advertise an address peers reach it on.");
    }
}
