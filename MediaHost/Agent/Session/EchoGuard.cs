namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Keeps the agent from interrupting itself. It follows the agent's frames from the moment they are handed to the
/// call to the moment they play (one per 20 ms, like the input loop), remembers the levels played over the echo
/// window, and takes a caller frame for line echo when it is well below the loudest of them. Frames dropped by a
/// barge-in never play, so they never count.
/// </summary>
public sealed class EchoGuard
{
    public const int DefaultWindowFrames = 20; // 400 ms: a phone path's echo comes back within a few hundred ms
    private const double SilenceDbfs = -96;
    private readonly object _gate = new();
    private readonly Queue<double> _queued = new();
    private readonly double[] _played;
    private readonly double _marginDb;
    private int _next;

    public EchoGuard(double marginDb, int windowFrames = DefaultWindowFrames)
    {
        _marginDb = marginDb;
        _played = new double[windowFrames];
        Array.Fill(_played, SilenceDbfs);
    }

    /// <summary>Called by the playback writer for every agent frame handed to the call.</summary>
    public void AgentFrame(double levelDbfs)
    {
        lock (_gate)
        {
            _queued.Enqueue(levelDbfs);
        }
    }

    /// <summary>The call dropped its queued frames (barge-in).</summary>
    public void PlaybackCleared()
    {
        lock (_gate)
        {
            _queued.Clear();
        }
    }

    /// <summary>Called by the input loop once per caller frame (one agent frame played meanwhile): whether the caller frame is probably echo.</summary>
    public bool IsEcho(double callerLevelDbfs)
    {
        lock (_gate)
        {
            _played[_next] = _queued.TryDequeue(out var level) ? level : SilenceDbfs;
            _next = (_next + 1) % _played.Length;
            var loudest = SilenceDbfs;
            foreach (var l in _played)
            {
                loudest = Math.Max(loudest, l);
            }
            return loudest > SilenceDbfs && callerLevelDbfs < loudest - _marginDb;
        }
    }
}
