namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>
/// Whether a trunk's media is encrypted with SDES-SRTP (RFC 4568), as LiveKit's trunk media_encryption says it:
/// <see cref="Off"/> plain RTP only (an RTP/SAVP offer is refused), <see cref="Allowed"/> SRTP when the peer offers it,
/// <see cref="Required"/> SRTP or no call (a plain offer gets 488). Keys travel in SDP, so use it with SIP over TLS.
/// </summary>
public enum MediaEncryption
{
    Off,
    Allowed,
    Required,
}
