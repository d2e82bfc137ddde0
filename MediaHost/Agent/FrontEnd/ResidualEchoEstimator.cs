namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Tracks, per call, how much of the agent's echo the front-end leaves in its output, and from it predicts the level of
/// the echo left in each cleaned frame: the barge-in guard's yardstick. The echo arriving is predicted from the agent's
/// level at the line's echo delay times the line's echo return (<see cref="ConvergenceEchoGate"/> learns both); the
/// residual loss is the output against that prediction on frames that are echo only, followed in dB. A frame far above
/// the current estimate is the caller talking (or a changed path), not echo, and is not learnt from — otherwise a caller
/// who talks over the agent would teach the estimate their own level. When the canceller restarts (a new delay), the
/// estimate starts again from "nothing removed". Pure arithmetic over a small ring, no allocation.
/// </summary>
internal sealed class ResidualEchoEstimator
{
    /// <summary>Per-frame learning weight in dB towards a louder residual (~200 ms): the canceller's progress, or its
    /// loss, is followed within a few syllables.</summary>
    private const double RiseRate = 0.1;

    /// <summary>... and towards a quieter one (~700 ms): the estimate sits near the residual's loud frames rather than
    /// its mean, which on a real line (codec distortion, a jittering delay) spreads further than on a simulated one.</summary>
    private const double FallRate = 0.03;

    /// <summary>A frame more than this above the estimate is not learnt from (energy ratio 10 dB).</summary>
    private const double OutlierDb = 10;

    /// <summary>The estimate never goes below this loss: frames of the output's noise floor would take the mean far below
    /// the residual's loud moments (a syllable's onset, a codec's distortion), which then pass as the caller. 40 dB is
    /// more than speexdsp removes on a phone line, and leaves a caller 12 dB below the echo 28 dB above it.</summary>
    private const double DeepestLossDb = -40;

    private const double FullScaleFrameEnergy = MediaModel.AudioFormat.SamplesPerFrame * 32767.0 * 32767.0;

    /// <summary>The echo of one agent frame spreads over the neighbouring output frames (dispersion, the delay estimate's
    /// 5 ms steps, the output's one-frame lag): the loudest prediction of the last few frames is the one that counts.</summary>
    private readonly double[] _recent = new double[4];
    private int _next;
    private double _lossDb;

    /// <summary>The current residual loss in dB (0: the echo passes whole; −30: 30 dB removed).</summary>
    public double LossDb => _lossDb;

    /// <summary>The canceller restarted: nothing is known to be removed any more.</summary>
    public void Restart() => _lossDb = 0;

    /// <summary>
    /// Takes the echo energy predicted to arrive in the output frame in hand, the energy of that output frame, and the
    /// predicted energy from which the agent counts as talking; returns the level of the echo expected to be left in the
    /// output frame, in dBFS (−96 when no echo is expected).
    /// </summary>
    /// <param name="filterLost">The frame held no more than the echo predicted for it while the linear filter removed
    /// almost nothing (the echo path moved under a converged canceller: over RTP a loaded host's jitter buffer grew and
    /// took the filter from 28 dB to 1 dB within three frames). Then the output, however far above the estimate, is the
    /// echo, not the caller — a caller adds energy to the frame, or leaves the filter's loss standing — and is taken
    /// at once, so the barge-in guard does not let the unremoved echo through as the caller.</param>
    public float Update(double predictedEchoEnergy, double outputEnergy, double activeEchoEnergy, bool filterLost = false)
    {
        _recent[_next] = predictedEchoEnergy;
        _next = (_next + 1) % _recent.Length;
        if (predictedEchoEnergy >= activeEchoEnergy && predictedEchoEnergy > 0)
        {
            var measuredDb = 10 * Math.Log10((outputEnergy + 1) / predictedEchoEnergy);
            if (measuredDb < _lossDb + OutlierDb)
            {
                var target = Math.Clamp(measuredDb, DeepestLossDb, 0);
                _lossDb += (target > _lossDb ? RiseRate : FallRate) * (target - _lossDb);
            }
            else if (filterLost)
            {
                _lossDb = Math.Clamp(measuredDb, DeepestLossDb, 0);
            }
        }
        var loudest = 0.0;
        foreach (var energy in _recent)
        {
            loudest = Math.Max(loudest, energy);
        }
        if (loudest < activeEchoEnergy || loudest <= 0)
        {
            return NoEchoDbfs;
        }
        return (float)(10 * Math.Log10(loudest / FullScaleFrameEnergy) + _lossDb);
    }

    public const float NoEchoDbfs = -96;
}
