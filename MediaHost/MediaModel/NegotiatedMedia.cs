using System.Net;

namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// The outcome of one SDP offer/answer: everything the RTP path needs and nothing of SDP itself.
/// A re-INVITE produces a new value (hold, unhold, codec change, new remote address).
/// </summary>
/// <param name="RemoteEndpoint">Where to send RTP (the peer's c= address and m= port).</param>
/// <param name="Codec">The audio codec chosen, with the payload type the PEER uses for it in <see cref="PayloadType"/>.</param>
/// <param name="PayloadType">The RTP payload type for the audio codec in both directions (the offerer's number).</param>
/// <param name="TelephoneEventPayloadType">The RFC 4733 payload type, or null when DTMF events were not negotiated.</param>
/// <param name="PacketTimeMs">Packetisation time in milliseconds (a=ptime; 20 unless the peer asked otherwise).</param>
/// <param name="Direction">Our direction: whether we may send and should expect to receive.</param>
/// <param name="ComfortNoisePayloadType">The RFC 3389 comfort-noise payload type, or null when CN was not negotiated.</param>
/// <param name="Encryption">The SRTP keys when SDES negotiated RTP/SAVP, or null for plain RTP.</param>
public sealed record NegotiatedMedia(
    IPEndPoint RemoteEndpoint,
    MediaCodec Codec,
    int PayloadType,
    int? TelephoneEventPayloadType,
    int PacketTimeMs,
    MediaDirection Direction,
    int? ComfortNoisePayloadType = null,
    MediaEncryptionKeys? Encryption = null)
{
    /// <summary>True when we may send audio (send-receive or send-only).</summary>
    public bool MaySend => Direction is MediaDirection.SendReceive or MediaDirection.SendOnly;
}
