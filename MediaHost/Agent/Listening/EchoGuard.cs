namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Keeps the agent from interrupting itself. Slot by slot it is told the level of the agent's echo expected in the
/// caller's cleaned frame — what the front-end says its echo canceller left (<see cref="CallerFrame.EchoLevelDbfs"/>),
/// not the level the agent sent — remembers those levels over the echo window, and takes a caller frame for echo when
/// it is not at least the margin above the loudest of them. Comparing with the residual rather than with the agent's
/// own level is what lets a caller who talks at or below the echo's level barge in once the canceller has converged.
/// Frames dropped by a barge-in never play, so they never count. One instance per call, used by the listener only.
/// </summary>
public sealed class EchoGuard
{
    /// <summary>400 ms: the expected echo is already aligned to the line's delay by the front-end, but the echo of a
    /// loud syllable lingers (dispersion, the canceller's tail) and without a front-end the delay is not known.</summary>
    public const int DefaultWindowFrames = 20;
    private const double SilenceDbfs = -96;
    private readonly double[] _expected;
    private readonly double _marginDb;
    private int _next;

    /// <param name="marginDb">How far above the expected echo a caller frame must be to count as the caller.</param>
    /// <param name="windowFrames">How many 20 ms slots back the expected echo is remembered.</param>
    public EchoGuard(double marginDb, int windowFrames = DefaultWindowFrames)
    {
        _marginDb = marginDb;
        _expected = new double[windowFrames];
        Array.Fill(_expected, SilenceDbfs);
    }

    /// <summary>
    /// Called once per slot: <paramref name="expectedEchoDbfs"/> is the level of the agent's echo expected in the caller
    /// frame of this slot (−96 or lower when none); returns whether the caller frame, at <paramref name="callerLevelDbfs"/>,
    /// is probably that echo.
    /// </summary>
    public bool IsEcho(double expectedEchoDbfs, double callerLevelDbfs)
    {
        _expected[_next] = expectedEchoDbfs;
        _next = (_next + 1) % _expected.Length;
        var loudest = SilenceDbfs;
        foreach (var level in _expected)
        {
            loudest = Math.Max(loudest, level);
        }
        return loudest > SilenceDbfs && callerLevelDbfs < loudest + _marginDb;
    }
}
