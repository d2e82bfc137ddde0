namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Holds the echo down while the linear canceller has not converged yet at the start of a call: speexdsp's adaptive
/// filter needs ~1–3 s of the agent's speech, and until then it passes most of the echo (measured: 1–4 dB removed in
/// the first second), which is when an agent's greeting would otherwise interrupt itself. Per frame the gate predicts the echo's energy from
/// the agent's level at the estimated echo delay (its loudest 20 ms within the delay range while the delay is not
/// known) times the learnt echo return loss; a frame of the caller's side that is not clearly louder than that
/// prediction is echo, and is attenuated (a G.168-style non-linear
/// processor). Once the canceller removes <see cref="ConvergedLossDb"/> by itself, or after
/// <see cref="MaxGatedFrames"/> frames of the agent talking, the gate opens for the rest of the call. It is not
/// re-armed when the canceller re-aligns: re-alignments also happen in double talk, and a re-armed gate then took the
/// caller's words down with the echo (measured: correlation with the clean caller 0.92–0.95 fell to 0.58–0.66); it is
/// re-armed when the canceller diverged on a changed echo path (<see cref="Rearm"/>).
/// Pure arithmetic over a fixed ring, no allocation.
/// </summary>
internal sealed class ConvergenceEchoGate
{
    /// <summary>A frame counts as the caller only when it is 6 dB (energy × 4) above the predicted echo.</summary>
    private const double CallerMargin = 4;

    /// <summary>Amplitude factor on a gated frame: −30 dB, enough for ≥ 25 dB of echo removed with what speexdsp
    /// already takes off, while the caller's level stays audible to the VAD if the prediction was wrong.</summary>
    public const float GatedGain = 0.0316f;

    /// <summary>The canceller counts as converged when it alone takes echo-only frames this far down (energy ratio of
    /// the smoothed levels): the target ERLE, so the gate hands over only to a canceller that meets it.</summary>
    private const double ConvergedLoss = 316; // 25 dB

    public const double ConvergedLossDb = 25;

    /// <summary>Frames of the agent talking after which the gate opens regardless (3 s): a line whose echo the canceller never
    /// takes 20 dB down (strong non-linearity) must not have its double talk gated for the whole call.</summary>
    public const int MaxGatedFrames = 150;

    /// <summary>Per-frame smoothing of the levels the echo return loss and the canceller's loss are taken from
    /// (~400 ms): single 20 ms ratios swing by ±10 dB on speech.</summary>
    private const double Smoothing = 0.05;

    /// <summary>How much slower the echo return is learnt from frames that are clearly the caller (see <see cref="Update"/>).</summary>
    private const double DoubleTalkLearningSlowdown = 20;

    private const int AudioFrameSamples = MediaModel.AudioFormat.SamplesPerFrame;

    private readonly double[] _farEnergies;
    private int _newest;
    private double _echoGain = 1; // 0 dB: the worst line, until the delay is known and the echo measured
    private double _nearAtDelay;
    private double _farAtDelay;
    private double _echoBefore;
    private double _echoAfter;
    private int _gatedFrames;
    private bool _converged;
    private double _previousPrediction;
    private double _previousNearEnergy;

    /// <param name="maxDelayFrames">The echo delay range in 20 ms frames (the gate looks this far back).</param>
    public ConvergenceEchoGate(int maxDelayFrames)
    {
        _farEnergies = new double[maxDelayFrames + 2];
    }

    /// <summary>
    /// The echo path changed under a converged canceller (<see cref="EchoPathDivergenceDetector"/>): the gate closes on
    /// echo again until the restarted canceller converges (or for <see cref="MaxGatedFrames"/> of the agent talking),
    /// as at the call's start. Not done on re-alignments: those also happen in double talk, a divergence does not.
    /// </summary>
    public void Rearm()
    {
        _converged = false;
        _gatedFrames = 0;
        _echoBefore = 0;
        _echoAfter = 0;
    }

    /// <summary>The gate still closes on echo (the canceller has not converged since it last started).</summary>
    public bool Active => !_converged;

    /// <summary>The echo energy predicted for the output frame of the last <see cref="Update"/> (before the front-end).</summary>
    public double PredictedEchoEnergy => PredictedForOutput;

    private double PredictedForOutput { get; set; }

    /// <summary>The line's echo return as an energy ratio (1 until the echo delay is known and the echo measured).</summary>
    public double EchoGain => _echoGain;

    /// <summary>
    /// Takes one frame: the agent's frame energy, the caller-side energy before the front-end, the estimated echo
    /// delay in samples (null while unknown), and the energy of the canceller's output (which lags one frame: it
    /// belongs to the previous frame's input). Returns the amplitude factor for that output frame.
    /// </summary>
    public float Update(double farEnergy, double nearEnergy, int? delaySamples, double cancelledEnergy, double activeEnergy)
    {
        _newest = (_newest + 1) % _farEnergies.Length;
        _farEnergies[_newest] = farEnergy;
        var loudestFar = 0.0;
        foreach (var energy in _farEnergies)
        {
            loudestFar = Math.Max(loudestFar, energy);
        }
        var agentAtDelay = AtDelay(delaySamples);
        var prediction = (delaySamples is null ? loudestFar : agentAtDelay) * _echoGain;
        if (agentAtDelay >= activeEnergy)
        {
            // A frame clearly louder than the echo predicted for it is the caller talking over the agent: learnt at the
            // full rate it raised the line's echo return to the caller's level within 300 ms over RTP, and the barge-in
            // guard then took the caller for echo. Such frames are learnt 20 times slower, so a path that really got
            // louder is still followed within seconds (and the divergence detector re-arms the gate on a changed path).
            var weight = nearEnergy <= CallerMargin * agentAtDelay * _echoGain ? Smoothing : Smoothing / DoubleTalkLearningSlowdown;
            _nearAtDelay += weight * (nearEnergy - _nearAtDelay);
            _farAtDelay += weight * (agentAtDelay - _farAtDelay);
            _echoGain = _nearAtDelay / _farAtDelay;
        }
        // The output in hand is the previous frame's input: judge it by what was predicted for that frame.
        var agentTalking = _previousPrediction >= activeEnergy * _echoGain;
        var echoOnly = agentTalking && _previousNearEnergy <= CallerMargin * _previousPrediction;
        if (echoOnly)
        {
            _echoBefore += Smoothing * (_previousNearEnergy - _echoBefore);
            _echoAfter += Smoothing * (cancelledEnergy - _echoAfter);
        }
        if (agentTalking && !_converged)
        {
            _gatedFrames++;
            // Judged only after the smoothing has filled (~0.4 s), so a lucky first frame does not open the gate.
            var measured = _gatedFrames >= 1 / Smoothing && _echoBefore >= ConvergedLoss * (_echoAfter + 1);
            _converged = measured || _gatedFrames >= MaxGatedFrames;
        }
        var gain = echoOnly && !_converged ? GatedGain : 1f;
        // Until the delay is known the echo may come from anything the agent said within the delay range.
        PredictedForOutput = _previousPrediction;
        _previousPrediction = prediction;
        _previousNearEnergy = nearEnergy;
        return gain;
    }

    /// <summary>The agent's level that the caller side hears now: of the two 20 ms frames the echo delay straddles,
    /// the louder (0 while the delay is unknown).</summary>
    private double AtDelay(int? delaySamples)
    {
        if (delaySamples is not { } delay)
        {
            return 0;
        }
        var frames = Math.Min(delay / AudioFrameSamples, _farEnergies.Length - 2);
        return Math.Max(At(frames), At(frames + 1));
    }

    private double At(int framesAgo)
    {
        var index = _newest - framesAgo;
        return _farEnergies[index < 0 ? index + _farEnergies.Length : index];
    }
}
