using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>The real media factory, remembering the sessions it handed out (so a test can read their SRTP counters).</summary>
internal sealed class CapturingMediaSessionFactory(IMediaSessionFactory inner) : IMediaSessionFactory
{
    private readonly List<RtpMediaSession> _sessions = [];

    public RtpMediaSession Last
    {
        get
        {
            lock (_sessions)
            {
                return _sessions[^1];
            }
        }
    }

    public IMediaSession? TryAllocate(string callId)
    {
        var session = inner.TryAllocate(callId);
        if (session is RtpMediaSession rtp)
        {
            lock (_sessions)
            {
                _sessions.Add(rtp);
            }
        }
        return session;
    }
}
