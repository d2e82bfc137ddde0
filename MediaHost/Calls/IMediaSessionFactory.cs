namespace VoiceFunctions.MediaHost.Calls;

/// <summary>
/// Hands out media sessions (one local RTP port each) to the SIP stack. The RTP/codec code implements it;
/// <see cref="Media.RtpMediaSessionFactory"/> is the one the MediaHost runs.
/// </summary>
public interface IMediaSessionFactory
{
    /// <summary>
    /// Reserves a local RTP port for <paramref name="callId"/>. Returns null when the port pool (or any other
    /// media capacity) is exhausted; the SIP stack then answers 503 Service Unavailable, never a degraded call.
    /// </summary>
    IMediaSession? TryAllocate(string callId);
}
