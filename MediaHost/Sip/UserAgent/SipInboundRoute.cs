using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Where a received request really came from (stamped in its Via) and where its responses therefore go.</summary>
internal static class SipInboundRoute
{
    /// <summary>RFC 3581 and RFC 3261 section 18.2.1: record where the request really came from in its top Via.</summary>
    public static void StampVia(SipMessage request, IPEndPoint source)
    {
        var values = request.Headers.GetAll(SipHeaderNames.Via);
        if (values.Count == 0 || !SipVia.TryParse(values[0], out var via))
        {
            return;
        }
        var changed = false;
        if (via.Host != source.Address.ToString())
        {
            via.Parameters.Set("received", source.Address.ToString());
            changed = true;
        }
        if (via.HasRPort)
        {
            via.Parameters.Set("received", source.Address.ToString());
            via.Parameters.Set("rport", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            changed = true;
        }
        if (!changed)
        {
            return;
        }
        request.Headers.Remove(SipHeaderNames.Via);
        request.Headers.Add(SipHeaderNames.Via, via.ToString());
        for (var i = 1; i < values.Count; i++)
        {
            request.Headers.Add(SipHeaderNames.Via, values[i]);
        }
    }

    /// <summary>Where responses go: the same connection on TCP; on UDP the source address, at rport or the Via port.</summary>
    public static SipFlow ResponseFlow(SipMessage request, SipReceived received)
    {
        if (received.Transport.IsReliable || request.TopVia is not { } via)
        {
            return new SipFlow(received.Transport, received.Remote);
        }
        var port = via.HasRPort ? received.Remote.Port : via.Port ?? 5060;
        return new SipFlow(received.Transport, new IPEndPoint(received.Remote.Address, port));
    }
}
