using System.Net;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>One m= section with what negotiation needs: port, protocol, formats in order, maps, ptime, direction.</summary>
public sealed class SdpMedia
{
    public required string MediaType { get; init; }

    public required int Port { get; init; }

    public required string Protocol { get; init; }

    /// <summary>The format list as written on the m= line (payload type numbers for RTP).</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    public Dictionary<int, SdpRtpMap> RtpMaps { get; } = [];

    /// <summary>The c= address for this stream (media-level, else session-level).</summary>
    public IPAddress? Connection { get; set; }

    public int? PacketTimeMs { get; set; }

    /// <summary>The direction the OFFERER states for itself (sendrecv when absent).</summary>
    public MediaDirection? Direction { get; set; }

    /// <summary>
    /// Why a line of this section could not be read (a malformed attribute or c=), or null. Such a section is refused
    /// with port 0 in the answer; the rest of the offer is still used (RFC 3264 section 6).
    /// </summary>
    public string? Malformed { get; set; }

    /// <summary>The a=crypto attribute values of this stream (SDES, RFC 4568), in the offerer's order.</summary>
    public List<string> Crypto { get; } = [];

    /// <summary>True for secure RTP (RTP/SAVP, RTP/SAVPF): keys come in <see cref="Crypto"/>.</summary>
    public bool IsRtpSavp => Protocol is "RTP/SAVP" or "RTP/SAVPF";

    public bool IsRtpAvp => Protocol is "RTP/AVP" or "RTP/AVPF";
}
