namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Keeps the agent from interrupting itself. Slot by slot it is told the level of the agent frame that played (the
/// input stage follows them, see <see cref="PlaybackTracker"/>), remembers those levels over the echo window, and takes
/// a caller frame for line echo when it is well below the loudest of them. Frames dropped by a barge-in never play, so
/// they never count. One instance per call, used by the listener only.
/// </summary>
public sealed class EchoGuard
{
    public const int DefaultWindowFrames = 20; // 400 ms: a phone path's echo comes back within a few hundred ms
    private const double SilenceDbfs = -96;
    private readonly double[] _played;
    private readonly double _marginDb;
    private int _next;

    public EchoGuard(double marginDb, int windowFrames = DefaultWindowFrames)
    {
        _marginDb = marginDb;
        _played = new double[windowFrames];
        Array.Fill(_played, SilenceDbfs);
    }

    /// <summary>
    /// Called once per slot: <paramref name="playedLevelDbfs"/> is the level of the agent frame that played in it
    /// (−96 when none did); returns whether the caller frame of the same slot is probably echo.
    /// </summary>
    public bool IsEcho(double playedLevelDbfs, double callerLevelDbfs)
    {
        _played[_next] = playedLevelDbfs;
        _next = (_next + 1) % _played.Length;
        var loudest = SilenceDbfs;
        foreach (var level in _played)
        {
            loudest = Math.Max(loudest, level);
        }
        return loudest > SilenceDbfs && callerLevelDbfs < loudest - _marginDb;
    }
}
