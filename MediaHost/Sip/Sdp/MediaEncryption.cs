namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>
/// Whether a trunk's media is encrypted with SDES-SRTP (RFC 4568), as LiveKit's trunk media_encryption says it:
/// <see cref="Off"/> plain RTP only (an RTP/SAVP offer is refused, our offers carry no keys), <see cref="Allowed"/> SRTP
/// when the peer offers it, and our offers are best-effort SRTP that a plain answer may decline, <see cref="Required"/>
/// SRTP or no call (a plain offer gets 488, a plain answer ends the call). Keys travel in SDP, so use it with SIP over
/// TLS. How offers say each is described on <see cref="SdesOffer"/>.
/// </summary>
public enum MediaEncryption
{
    Off,
    Allowed,
    Required,
}
