namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The o= session ids of our SDP (RFC 4566 section 5.2): one per call, received or placed, unique on this host. They
/// start from the host's uptime so a restarted host does not reuse the ids of the calls it had. Thread-safe.
/// </summary>
internal sealed class SdpSessionIds
{
    private long _last = Environment.TickCount64;

    public long Next() => Interlocked.Increment(ref _last);
}
