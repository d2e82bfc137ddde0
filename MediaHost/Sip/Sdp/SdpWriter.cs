using System.Net;
using System.Net.Sockets;
using System.Text;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>Writes the session and audio lines of our SDP (offers and answers).</summary>
internal static class SdpWriter
{
    public static StringBuilder Begin(IPAddress address, long sessionId, long sessionVersion)
    {
        var family = address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        return new StringBuilder(256)
            .Append("v=0\r\n")
            .Append("o=- ").Append(sessionId).Append(' ').Append(sessionVersion).Append(" IN ").Append(family).Append(' ').Append(address).Append("\r\n")
            .Append("s=-\r\n")
            .Append("c=IN ").Append(family).Append(' ').Append(address).Append("\r\n")
            .Append("t=0 0\r\n");
    }

    /// <param name="protocol">The m= line's transport: RTP/AVP, or RTP/SAVP for secure RTP.</param>
    /// <param name="crypto">The a=crypto values (SDES keys): one in an answer, one per suite in an offer.</param>
    public static void AppendAudio(StringBuilder sdp, int port, IReadOnlyList<MediaCodec> codecs, int ptime, MediaDirection direction, string protocol,
        IEnumerable<string> crypto)
    {
        sdp.Append("m=audio ").Append(port).Append(' ').Append(protocol);
        foreach (var codec in codecs)
        {
            sdp.Append(' ').Append(codec.PayloadType);
        }
        sdp.Append("\r\n");
        foreach (var codec in codecs)
        {
            sdp.Append("a=rtpmap:").Append(codec.PayloadType).Append(' ').Append(codec).Append("\r\n");
            if (codec.FormatParameters is { } fmtp)
            {
                sdp.Append("a=fmtp:").Append(codec.PayloadType).Append(' ').Append(fmtp).Append("\r\n");
            }
        }
        foreach (var line in crypto)
        {
            sdp.Append("a=crypto:").Append(line).Append("\r\n");
        }
        sdp.Append("a=ptime:").Append(ptime).Append("\r\n");
        sdp.Append('a').Append('=').Append(SdpNegotiator.DirectionAttribute(direction)).Append("\r\n");
    }
}
