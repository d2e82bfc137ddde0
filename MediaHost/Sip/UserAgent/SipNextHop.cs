using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Where an in-dialog request physically goes: the address of the dialog's next-hop URI (the first route, else
/// the remote target), honouring maddr, with the default port 5060 (5061 for sips). Only IP literals are resolved
/// here: a host name (which would need RFC 3263 DNS lookups) falls back to the address the dialog was set up with.
/// </summary>
public static class SipNextHop
{
    public static bool TryResolve(string uriText, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (!SipUri.TryParse(uriText, out var uri) || uri.Scheme == "tel")
        {
            return false;
        }
        var host = uri.Parameters.Get("maddr") ?? uri.Host;
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return false;
        }
        endpoint = new IPEndPoint(address, uri.Port ?? (uri.Scheme == "sips" ? 5061 : 5060));
        return true;
    }

    /// <summary>The endpoint for the dialog's next request, or <paramref name="fallback"/> when its next hop is not an IP literal.</summary>
    public static IPEndPoint For(SipDialog dialog, IPEndPoint fallback) =>
        TryResolve(dialog.NextHopUri, out var endpoint) ? endpoint : fallback;
}
