using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>The real media session factory, remembering every session it hands out so the run can read their statistics.</summary>
public sealed class RecordingSessionFactory(RtpMediaSessionFactory inner) : IMediaSessionFactory
{
    private readonly List<RtpMediaSession> _sessions = [];

    public IReadOnlyList<RtpMediaSession> Sessions
    {
        get { lock (_sessions) { return [.. _sessions]; } }
    }

    public IMediaSession? TryAllocate(string callId)
    {
        var session = inner.TryAllocate(callId);
        if (session is RtpMediaSession rtp)
        {
            lock (_sessions) { _sessions.Add(rtp); }
        }
        return session;
    }
}
