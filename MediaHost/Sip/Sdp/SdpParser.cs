using System.Globalization;
using System.Net;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>
/// Parses SDP text (RFC 4566). Unknown lines and attributes are ignored. A malformed line of the session (v=, c=, m=)
/// is an error; a malformed attribute or c= inside an m= section marks only that section (<see cref="SdpMedia.Malformed"/>),
/// so an offer is not lost for a fault on a stream we would refuse anyway.
/// </summary>
public static class SdpParser
{
    private static readonly Dictionary<int, (string Name, int Rate, int Channels)> StaticTypes = new()
    {
        [0] = ("PCMU", 8000, 1), [3] = ("GSM", 8000, 1), [4] = ("G723", 8000, 1), [8] = ("PCMA", 8000, 1),
        [9] = ("G722", 8000, 1), [13] = ("CN", 8000, 1), [18] = ("G729", 8000, 1),
    };

    public static bool TryParse(string text, out SdpSession session, out string? error)
    {
        session = new SdpSession();
        error = null;
        var lines = text.Split('\n');
        SdpMedia? media = null;
        var lineNumber = 0;
        var sawVersion = false;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }
            // A CR is only a line end: one inside a line (or before trailing space) would make a token such as a
            // payload type differ from the same text written out again, and no SDP writer sends it.
            if (line.Contains('\r'))
            {
                error = $"SDP line {lineNumber} has a bare CR";
                return false;
            }
            if (line.Length < 2 || line[1] != '=')
            {
                error = $"SDP line {lineNumber} is not 'x=value'";
                return false;
            }
            var value = line[2..];
            switch (line[0])
            {
                case 'v':
                    if (value != "0")
                    {
                        error = $"unsupported SDP version '{value}'";
                        return false;
                    }
                    sawVersion = true;
                    break;
                case 'o':
                    session.Origin = value;
                    break;
                case 'c':
                    if (!TryParseConnection(value, out var address))
                    {
                        if (media is not null)
                        {
                            media.Malformed ??= $"malformed SDP connection line {lineNumber}: 'c={value}'";
                            break;
                        }
                        error = $"malformed SDP connection line {lineNumber}: 'c={value}'";
                        return false;
                    }
                    if (media is null)
                    {
                        session.Connection = address;
                    }
                    else
                    {
                        media.Connection = address;
                    }
                    break;
                case 'm':
                    if (!TryParseMediaLine(value, out media))
                    {
                        error = $"malformed SDP media line {lineNumber}: 'm={value}'";
                        return false;
                    }
                    session.Media.Add(media!);
                    break;
                case 'a':
                    if (!TryApplyAttribute(value, session, media))
                    {
                        if (media is not null)
                        {
                            media.Malformed ??= $"malformed SDP attribute line {lineNumber}: 'a={value}'";
                            break;
                        }
                        error = $"malformed SDP attribute line {lineNumber}: 'a={value}'";
                        return false;
                    }
                    break;
            }
        }
        if (!sawVersion)
        {
            error = "SDP has no v=0 line";
            return false;
        }
        foreach (var m in session.Media)
        {
            m.Connection ??= session.Connection;
            m.Direction ??= session.Direction;
            foreach (var format in m.Formats)
            {
                if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt)
                    && !m.RtpMaps.ContainsKey(pt) && StaticTypes.TryGetValue(pt, out var known))
                {
                    m.RtpMaps[pt] = new SdpRtpMap(pt, known.Name, known.Rate, known.Channels, null);
                }
            }
        }
        return true;
    }

    private static bool TryParseConnection(string value, out IPAddress? address)
    {
        address = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0] != "IN" || parts[1] is not ("IP4" or "IP6"))
        {
            return false;
        }
        var host = parts[2].Split('/')[0];
        return IPAddress.TryParse(host, out address);
    }

    private static bool TryParseMediaLine(string value, out SdpMedia? media)
    {
        media = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            return false;
        }
        var portText = parts[1].Split('/')[0];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }
        media = new SdpMedia { MediaType = parts[0], Port = port, Protocol = parts[2], Formats = parts[3..] };
        return true;
    }

    private static bool TryApplyAttribute(string value, SdpSession session, SdpMedia? media)
    {
        var colon = value.IndexOf(':');
        var name = colon < 0 ? value : value[..colon];
        var argument = colon < 0 ? "" : value[(colon + 1)..].Trim();
        MediaDirection? direction = name switch
        {
            "sendrecv" => MediaDirection.SendReceive,
            "sendonly" => MediaDirection.SendOnly,
            "recvonly" => MediaDirection.ReceiveOnly,
            "inactive" => MediaDirection.Inactive,
            _ => null,
        };
        if (direction is not null)
        {
            if (media is null)
            {
                session.Direction = direction;
            }
            else
            {
                media.Direction = direction;
            }
            return true;
        }
        if (media is null)
        {
            return true;
        }
        switch (name)
        {
            case "rtpmap":
            {
                var space = argument.IndexOf(' ');
                if (space < 0 || !int.TryParse(argument[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
                {
                    return false;
                }
                var encoding = argument[(space + 1)..].Trim().Split('/');
                if (encoding.Length < 2 || !int.TryParse(encoding[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate) || rate == 0)
                {
                    return false;
                }
                var channels = 1;
                if (encoding.Length > 2 && !int.TryParse(encoding[2], NumberStyles.None, CultureInfo.InvariantCulture, out channels))
                {
                    return false;
                }
                media.RtpMaps.TryGetValue(pt, out var existing);
                media.RtpMaps[pt] = new SdpRtpMap(pt, encoding[0], rate, channels, existing?.FormatParameters);
                return true;
            }
            case "fmtp":
            {
                var space = argument.IndexOf(' ');
                if (space > 0 && int.TryParse(argument[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var pt)
                    && media.RtpMaps.TryGetValue(pt, out var map))
                {
                    media.RtpMaps[pt] = map with { FormatParameters = argument[(space + 1)..].Trim() };
                }
                return true;
            }
            case "crypto":
                media.Crypto.Add(argument);
                return true;
            case "ptime":
                if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var ptime) || ptime is 0 or > 1000)
                {
                    return false;
                }
                media.PacketTimeMs = ptime;
                return true;
            default:
                return true;
        }
    }
}
