using System.Net;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Tests;

/// <summary>
/// A test media path for SIP tests that need no RTP: each session reserves a real UDP port (so the SDP we
/// send is honest and the port pool is real), offers the default codecs, discards what the agent writes and
/// feeds it silence at the media clock's pace. Answered calls negotiate SDP and hold the dialog.
/// </summary>
public sealed class HoldingMediaSessionFactory(IPAddress bindAddress, TimeProvider timeProvider, int maxSessions = 1000) : IMediaSessionFactory
{
    /// <summary>The codecs offered, by priority: G.711 first (every trunk has it), then wideband.</summary>
    public static readonly IReadOnlyList<MediaCodec> DefaultCodecs =
        [MediaCodec.Pcmu, MediaCodec.Pcma, MediaCodec.G722, MediaCodec.Opus, MediaCodec.TelephoneEvent];

    private int _active;

    public int ActiveSessions => Volatile.Read(ref _active);

    public IMediaSession? TryAllocate(string callId)
    {
        if (Interlocked.Increment(ref _active) > maxSessions)
        {
            Interlocked.Decrement(ref _active);
            return null;
        }
        try
        {
            return new HoldingMediaSession(bindAddress, DefaultCodecs, timeProvider, () => Interlocked.Decrement(ref _active));
        }
        catch (System.Net.Sockets.SocketException)
        {
            Interlocked.Decrement(ref _active);
            return null;
        }
    }
}
