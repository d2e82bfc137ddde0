namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>RTCP packet types (RFC 3550 §12.1) that we build or read.</summary>
public enum RtcpPacketType : byte
{
    SenderReport = 200,
    ReceiverReport = 201,
    SourceDescription = 202,
    Goodbye = 203,
    ApplicationDefined = 204,
}
