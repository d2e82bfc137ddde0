using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.Fuzz;

/// <summary>
/// Writes a parsed SDP session back as text (everything the parser keeps, nothing else) and describes it for
/// comparison. The product has no general SDP writer (it only writes answers), so the round trip lives here.
/// </summary>
public static class SdpText
{
    public static string Write(SdpSession session)
    {
        var sdp = new StringBuilder("v=0\r\n");
        sdp.Append("o=").Append(session.Origin).Append("\r\n");
        if (session.Connection is not null)
        {
            sdp.Append("c=").Append(Connection(session.Connection)).Append("\r\n");
        }
        if (session.Direction is { } sessionDirection)
        {
            sdp.Append("a=").Append(Direction(sessionDirection)).Append("\r\n");
        }
        foreach (var media in session.Media)
        {
            sdp.Append("m=").Append(media.MediaType).Append(' ').Append(media.Port.ToString(CultureInfo.InvariantCulture))
                .Append(' ').Append(media.Protocol).Append(' ').Append(string.Join(' ', media.Formats)).Append("\r\n");
            if (media.Connection is not null)
            {
                sdp.Append("c=").Append(Connection(media.Connection)).Append("\r\n");
            }
            foreach (var map in media.RtpMaps.Values.OrderBy(m => m.PayloadType))
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{map.PayloadType} {map.Name}/{map.ClockRate}/{map.Channels}\r\n");
                if (map.FormatParameters is not null)
                {
                    sdp.Append(CultureInfo.InvariantCulture, $"a=fmtp:{map.PayloadType} {map.FormatParameters}\r\n");
                }
            }
            if (media.PacketTimeMs is { } ptime)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=ptime:{ptime}\r\n");
            }
            if (media.Direction is { } direction)
            {
                sdp.Append("a=").Append(Direction(direction)).Append("\r\n");
            }
        }
        return sdp.ToString();
    }

    public static string Describe(SdpSession session)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"o={session.Origin}|c={session.Connection}|d={session.Direction}\n");
        foreach (var media in session.Media)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"m={media.MediaType}|{media.Port}|{media.Protocol}|{string.Join(',', media.Formats)}|c={media.Connection}|p={media.PacketTimeMs}|d={media.Direction}\n");
            foreach (var map in media.RtpMaps.Values.OrderBy(m => m.PayloadType))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {map}\n");
            }
        }
        return text.ToString();
    }

    private static string Connection(IPAddress address) =>
        (address.AddressFamily == AddressFamily.InterNetworkV6 ? "IN IP6 " : "IN IP4 ") + address;

    private static string Direction(MediaDirection direction) => direction switch
    {
        MediaDirection.SendReceive => "sendrecv",
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.ReceiveOnly => "recvonly",
        _ => "inactive",
    };
}
