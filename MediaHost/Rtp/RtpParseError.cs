namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>Why a datagram was not accepted as RTP (counted per call, so a misbehaving peer is visible).</summary>
public enum RtpParseError
{
    None,
    TooShort,
    BadVersion,
    TruncatedCsrc,
    TruncatedExtension,
    BadPadding,
}
