namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Follows what the linear echo canceller removes (its input against its output, smoothed over ~100 ms while the agent's
/// echo is expected) and notices when the echo path changed under it (a transfer, a new route, a handset picked up): the
/// adapted filter then removes nothing or subtracts an echo that is no longer there, so its output carries as much
/// energy as its input or more — which a caller talking over the agent never causes, since a converged filter still
/// removes the echo it knows. Measured on the simulated lines: 18–20 dB removed before a change, −1 to +0.8 dB after it.
/// It also says when that loss <see cref="Collapsed"/>: fell from working to almost nothing within a few frames.
/// Pure arithmetic, no allocation.
/// </summary>
internal sealed class EchoPathDivergenceDetector
{
    /// <summary>Per-frame smoothing weight (~100 ms): a few syllables, so one loud frame does not decide.</summary>
    private const double Smoothing = 0.2;

    /// <summary>Frames in a row of the filter removing nothing (≤ 0 dB) before it counts as diverged (200 ms).</summary>
    private const int DivergedFrames = 10;

    /// <summary>Frames of expected echo after a restart before divergence is judged again (a restarted filter removes
    /// nothing until it has learnt again, ~0.5 s).</summary>
    private const int SettleFrames = 25;

    /// <summary>Below this loss (dB) the filter counts as not working (<see cref="Collapsed"/>).</summary>
    private const double WorkingLossDb = 6;

    /// <summary>A loss that went from at least <see cref="CollapsedFromDb"/> to at most <see cref="CollapsedToDb"/> within
    /// <see cref="CollapseFrames"/> frames (160 ms) collapsed: the whole echo came through at once. A changed path takes
    /// the loss from 18–28 dB to ≤ 1 dB within 1–3 frames (simulated lines; over RTP a grown jitter buffer, 28 to 1 dB
    /// in three); a filter that removes exactly nothing reaches 1.5 dB in 5 frames through the smoothing.
    /// A caller x dB below the echo over a filter that still works leaves 10·log10(1 + 10^(x/10)) dB: 7 dB at −6, 3 dB
    /// at 0 dB, 1.8 dB at +3 dB (and such a caller makes the frame louder than the echo, which the front-end checks); in
    /// double talk the filter then misadapts and the loss sinks further, but over seconds, not frames.</summary>
    private const double CollapsedFromDb = 12;

    private const double CollapsedToDb = 1.5;

    private const int CollapseFrames = 8;

    private readonly double[] _recentLossDb = new double[CollapseFrames];
    private int _recentNext;
    private double _input;
    private double _output;
    private int _framesSinceRestart;
    private int _framesRemovingNothing;

    /// <summary>What the linear filter removes now, in dB (≤ 0 when it removes nothing).</summary>
    public double LossDb => 10 * Math.Log10((_input + 1) / (_output + 1));

    /// <summary>The loss collapsed — fell from ≥ <see cref="CollapsedFromDb"/> to ≤ <see cref="CollapsedToDb"/> within
    /// <see cref="CollapseFrames"/> frames — and has not reached <see cref="WorkingLossDb"/> since: the echo path moved
    /// under the filter. A caller below the echo's level does not make the loss collapse, since the filter keeps
    /// removing the echo under their words; a caller well above it can, but makes the frame louder than the echo, which
    /// the front-end also checks.</summary>
    public bool Collapsed { get; private set; }

    /// <summary>Takes one frame's canceller input and output energies; true when the canceller has diverged.</summary>
    public bool Update(bool echoExpected, double inputEnergy, double outputEnergy)
    {
        if (!echoExpected)
        {
            return false;
        }
        _input += Smoothing * (inputEnergy - _input);
        _output += Smoothing * (outputEnergy - _output);
        _framesSinceRestart++;
        _framesRemovingNothing = _output >= _input ? _framesRemovingNothing + 1 : 0;
        FollowCollapse(LossDb);
        return _framesSinceRestart > SettleFrames && _framesRemovingNothing >= DivergedFrames;
    }

    /// <summary>The canceller restarted: judged again once it has had time to learn.</summary>
    public void Restart()
    {
        _framesSinceRestart = 0;
        _framesRemovingNothing = 0;
        Collapsed = false;
    }

    /// <summary>A restarted filter's loss falls as its old averages empty, which is not a collapse: judged only once it
    /// has had time to learn.</summary>
    private void FollowCollapse(double lossDb)
    {
        var recentBestDb = double.NegativeInfinity;
        foreach (var earlierDb in _recentLossDb)
        {
            recentBestDb = Math.Max(recentBestDb, earlierDb);
        }
        _recentLossDb[_recentNext] = lossDb;
        _recentNext = (_recentNext + 1) % CollapseFrames;
        if (lossDb >= WorkingLossDb)
        {
            Collapsed = false;
        }
        else if (_framesSinceRestart > SettleFrames && lossDb <= CollapsedToDb && recentBestDb >= CollapsedFromDb)
        {
            Collapsed = true;
        }
    }
}
