using VoiceFunctions.MediaHost.Calls;

using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// The phone-call front-end over speexdsp. Per frame: the line's bulk echo delay is estimated and the agent's frame is
/// delayed to match; the MDF adaptive echo canceller removes the echo against it; the preprocessor linked to the
/// canceller suppresses residual echo and noise, sets the gain and says whether the caller speaks; until the canceller
/// has converged, <see cref="ConvergenceEchoGate"/> holds down the echo it still lets through. One instance per
/// call; all buffers are made here, so <see cref="Process"/> allocates nothing.
/// </summary>
public sealed unsafe class SpeexFrontEnd : IAudioFrontEnd
{
    private const int FrameSamples = AudioFormat.SamplesPerFrame;

    /// <summary>Double talk needs the frame to lose less than this to the front-end (energy ratio, 10 dB): echo alone
    /// comes out 25–45 dB down once the canceller has converged, a talking caller comes through nearly whole, and
    /// speexdsp's VAD alone also fires on the quiet residual of the echo.</summary>
    private const double DoubleTalkMaxLoss = 10;

    /// <summary>While the linear filter removes at least this much (dB, smoothed), its alignment is kept.</summary>
    private const double WorkingFilterLossDb = 6;

    /// <summary>A re-alignment up to this far (ms) keeps the adapted filter: the echo is still within its reach.</summary>
    private const int KeptFilterMoveMs = 40;

    /// <summary>Frames of expected echo a new delay estimate must hold before the alignment moves to it (400 ms): longer
    /// than a barge-in takes to be confirmed, shorter than the delay search's own memory.</summary>
    private const int MoveConfirmationFrames = 20;

    /// <summary>An echo-bearing frame more than 20 dB (energy × 100) below its predicted echo lost that echo.</summary>
    private const double EchoMissingRatio = 100;

    private readonly SpeexEchoStateHandle _echo;
    private readonly SpeexPreprocessStateHandle _preprocess;
    private readonly EchoDelayEstimator _delay;
    private readonly FarEndDelayLine _farEndLine;
    private readonly short[] _reference = new short[FrameSamples];
    private readonly short[] _cancelled = new short[FrameSamples];
    private readonly EchoReturnLossMeter _erle = new();
    private readonly ConvergenceEchoGate _gate;
    private readonly ResidualEchoEstimator _residual = new();
    private readonly EchoPathDivergenceDetector _divergence = new();
    private readonly DcNotchFilter _notch = new();
    private readonly int _idleAfterFrames;
    private int _quietFrames;
    private readonly double _farEndActiveEnergy;
    private readonly int _leadSamples;
    private readonly int _echoWindowFrames;
    private int _framesSinceFarActive = int.MaxValue - 1;
    private int _alignedDelay;
    private bool _aligned;
    private bool _realignAtOnce;
    private bool _filterWorked;
    private int _moveCandidate;
    private int _moveHeldFrames;
    private double _previousBefore;
    private readonly int _speechStart;
    private readonly int _speechContinue;
    private bool _wasSpeech;
    private bool _disposed;

    public SpeexFrontEnd(AudioFrontEndOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tailSamples = options.EchoTailMs * AudioFormat.SampleRate / 1000;
        _leadSamples = tailSamples / 4;
        _delay = new EchoDelayEstimator(options.MaxEchoDelayMs);
        _gate = new ConvergenceEchoGate(options.MaxEchoDelayMs / AudioFormat.FrameMilliseconds);
        _idleAfterFrames = options.EchoTailMs / AudioFormat.FrameMilliseconds + 1;
        _echoWindowFrames = (options.MaxEchoDelayMs + options.EchoTailMs) / AudioFormat.FrameMilliseconds + 1;
        _farEndLine = new FarEndDelayLine(options.MaxEchoDelayMs * AudioFormat.SampleRate / 1000, FrameSamples);
        _echo = SpeexDspNative.EchoStateInit(FrameSamples, tailSamples);
        if (_echo.IsInvalid)
        {
            throw new InvalidOperationException("speexdsp could not create an echo canceller state");
        }
        var rate = AudioFormat.SampleRate;
        SpeexDspNative.EchoCtl(_echo, SpeexDspNative.EchoSetSamplingRate, &rate);
        _preprocess = SpeexDspNative.PreprocessStateInit(FrameSamples, AudioFormat.SampleRate);
        if (_preprocess.IsInvalid)
        {
            _echo.Dispose();
            throw new InvalidOperationException("speexdsp could not create a preprocessor state");
        }
        Configure(options);
        // speexdsp's own VAD switch only applies this start/continue rule to its speech probability, and prints a
        // warning to stderr for every call: the rule is applied here instead (IsSpeech).
        _speechStart = options.VadStartProbabilityPercent;
        _speechContinue = options.VadContinueProbabilityPercent;
        // Energy of a frame whose RMS is exactly the threshold: 320 · (32767 · 10^(dBFS/20))².
        var rms = short.MaxValue * Math.Pow(10, options.FarEndActiveDbfs / 20);
        _farEndActiveEnergy = FrameSamples * rms * rms;
    }

    /// <summary>The cleaned frame lags the caller's frame by one frame (20 ms): speexdsp's overlap-add.</summary>
    public const int OutputDelaySamples = FrameSamples;

    /// <summary>The echo delay the canceller is aligned to now, in samples (for tests and the call's metrics).</summary>
    public int AlignedDelaySamples => _alignedDelay;

    /// <summary>How often the canceller restarted (new alignments and diverged filters), for tests and the bench.</summary>
    public int Restarts { get; private set; }

    /// <summary>The residual echo loss the barge-in guard is told about, in dB (for tests and the bench).</summary>
    public double ResidualEchoLossDb => _residual.LossDb;

    /// <summary>What the linear filter removes now, in dB (smoothed over ~100 ms while echo is expected).</summary>
    public double LinearLossDb => _divergence.LossDb;

    /// <summary>The convergence gate still holds echo down (the canceller has not converged since it last restarted).</summary>
    public bool EchoGateActive => _gate.Active;

    public FrontEndFrame Process(ReadOnlySpan<short> farEnd, Span<short> nearEnd)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (farEnd.Length != FrameSamples || nearEnd.Length != FrameSamples)
        {
            throw new ArgumentException($"The front-end takes {FrameSamples}-sample frames (got far end {farEnd.Length}, near end {nearEnd.Length})");
        }
        var farEnergy = EchoReturnLossMeter.Energy(farEnd);
        var farEndActive = farEnergy >= _farEndActiveEnergy;
        Align(farEnd, nearEnd, farEndActive);
        // The echo of the agent's last words still arrives after it stops: double talk and ERLE follow the aligned reference.
        var echoExpected = farEndActive || EchoReturnLossMeter.Energy(_reference) >= _farEndActiveEnergy;
        _quietFrames = echoExpected ? 0 : _quietFrames + 1;
        var before = EchoReturnLossMeter.Energy(nearEnd);
        fixed (short* near = nearEnd)
        fixed (short* reference = _reference)
        fixed (short* cancelled = _cancelled)
        {
            if (_quietFrames <= _idleAfterFrames)
            {
                // speexdsp reads the recorded frame while it writes its output: keep them apart, then clean in place.
                SpeexDspNative.EchoCancellation(_echo, near, reference, cancelled);
                // A frame far below the echo predicted for it lost its echo on the way (a concealed packet, a
                // starved sender): it says nothing of the filter, and a filter subtracting an echo that did not come
                // would look diverged.
                var echoArrived = before * EchoMissingRatio >= _gate.PredictedEchoEnergy;
                if (_divergence.Update(echoExpected && echoArrived, before, EchoReturnLossMeter.Energy(_cancelled)))
                {
                    PathChanged();
                }
            }
            else
            {
                // The agent has been quiet for longer than the filter is long: the canceller's whole reference history
                // is silence, so it would subtract nothing but its DC notch, at a large part of the front-end's CPU.
                _notch.Run(nearEnd, _cancelled);
            }
            SpeexDspNative.PreprocessRun(_preprocess, cancelled);
        }
        var speech = IsSpeech();
        var cancelledEnergy = EchoReturnLossMeter.Energy(_cancelled);
        var gain = _gate.Update(farEnergy, before, _delay.HasEstimate ? _delay.DelaySamples : null, cancelledEnergy, _farEndActiveEnergy);
        for (var i = 0; i < FrameSamples; i++)
        {
            nearEnd[i] = (short)(_cancelled[i] * gain);
        }
        var after = gain == 1f ? cancelledEnergy : EchoReturnLossMeter.Energy(nearEnd);
        var erle = _erle.Update(echoExpected, before, after);
        // Learnt from the output before the convergence gate: the gate only holds the echo down for the call's first
        // seconds, and a residual learnt under it would be 30 dB too low the moment it opens.
        // The linear filter lost the echo at once (the path moved) and the frame holds no more than the echo: its output
        // is that echo. Not merely "the filter removes < 6 dB": a caller 12 dB below the echo takes the filter's loss
        // there within a second of double talk while adding only 0.3 dB to the frame, and was then taken for echo.
        var filterLost = _divergence.Collapsed && _previousBefore <= _gate.PredictedEchoEnergy;
        var residualEcho = _residual.Update(_gate.PredictedEchoEnergy, cancelledEnergy, _farEndActiveEnergy * _gate.EchoGain, filterLost);
        // The output lags the input by one frame, so it is compared with the previous frame's input.
        var keptMostOfIt = _previousBefore < after * DoubleTalkMaxLoss;
        _previousBefore = before;
        return new FrontEndFrame(farEndActive, echoExpected && speech && keptMostOfIt, erle, residualEcho);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        // The preprocessor points at the echo state: it goes first.
        _preprocess.Dispose();
        _echo.Dispose();
    }

    /// <summary>Re-estimates the bulk delay and produces the agent's frame as late as its echo arrives. A filter that
    /// removes echo proves its alignment, so the estimate only moves the alignment while the filter removes less than
    /// <see cref="WorkingFilterLossDb"/>; and, once the filter has removed echo, only when the new estimate has held for
    /// <see cref="MoveConfirmationFrames"/> frames of expected echo: a caller talking over the agent (or into its pause)
    /// removes nothing the filter knows and pulls the envelope correlation towards their own words, and over RTP a
    /// one-frame-old estimate of 505 ms restarted the canceller 160 ms into a caller's barge-in, which then passed for
    /// echo (bench/results/frontend.md, session 5). A move the filter still reaches (≤ <see cref="KeptFilterMoveMs"/>,
    /// a jitter buffer's step) keeps the adapted filter; a larger one starts it again. The search only learns while
    /// the agent's echo can be on the line: the caller alone says nothing about the echo's delay.</summary>
    private void Align(ReadOnlySpan<short> farEnd, ReadOnlySpan<short> nearEnd, bool farEndActive)
    {
        _framesSinceFarActive = farEndActive ? 0 : Math.Min(_framesSinceFarActive + 1, int.MaxValue - 1);
        var echoPossible = _framesSinceFarActive <= _echoWindowFrames;
        if (echoPossible)
        {
            _delay.Update(farEnd, nearEnd);
        }
        var delay = Math.Max(0, _delay.DelaySamples - _leadSamples);
        // The filter reaches a lead before and three leads after the estimate: a move within half a lead is still
        // inside it and not worth moving for.
        var move = Math.Abs(delay - _alignedDelay);
        var wanted = move > _leadSamples / 2 && _divergence.LossDb < WorkingFilterLossDb;
        _moveHeldFrames = !wanted || delay != _moveCandidate ? 0 : _moveHeldFrames + (echoPossible ? 1 : 0);
        _moveCandidate = delay;
        // A filter that has not removed echo since it last started has nothing to lose: it follows the estimate at once.
        _filterWorked |= _divergence.LossDb >= WorkingFilterLossDb;
        if (wanted && (!_aligned || _realignAtOnce || !_filterWorked || _moveHeldFrames >= MoveConfirmationFrames))
        {
            _alignedDelay = delay;
            if (!_aligned || move > KeptFilterMoveMs * AudioFormat.SampleRate / 1000)
            {
                Restart();
            }
            _aligned = true;
            _realignAtOnce = false;
            _moveHeldFrames = 0;
        }
        _farEndLine.Push(farEnd, _alignedDelay, _reference);
    }

    /// <summary>The filter removes nothing any more: the echo path changed. The delay search starts afresh (its memory
    /// would hold the old path's delay for ~0.5 s more), the canceller restarts, and the convergence gate holds the echo
    /// down again until the canceller has learnt the new path.</summary>
    private void PathChanged()
    {
        _delay.Reset();
        _realignAtOnce = true; // the new path's first estimate is taken at once, as at the call's start
        _gate.Rearm();
        Restart();
    }

    /// <summary>The adapted filter is wrong (a new alignment, a changed path): the canceller starts again, and the barge-in
    /// guard is told that nothing is known to be removed until the canceller shows it again.</summary>
    private void Restart()
    {
        SpeexDspNative.EchoStateReset(_echo);
        _filterWorked = false;
        _residual.Restart();
        _divergence.Restart();
        Restarts++;
    }

    /// <summary>Speech while the preprocessor's speech probability is above the start threshold, or above the continue
    /// threshold once speech has started.</summary>
    private bool IsSpeech()
    {
        int probability;
        SpeexDspNative.PreprocessCtl(_preprocess, SpeexDspNative.PreprocessGetProb, &probability);
        _wasSpeech = probability > _speechStart || (_wasSpeech && probability > _speechContinue);
        return _wasSpeech;
    }

    private void Configure(AudioFrontEndOptions options)
    {
        // The preprocessor keeps this pointer; both handles live exactly as long as this object and are released together.
        var echoState = _echo.DangerousGetHandle();
        if (SpeexDspNative.PreprocessCtl(_preprocess, SpeexDspNative.PreprocessSetEchoState, (void*)echoState) != 0)
        {
            throw new InvalidOperationException("speexdsp refused to link the preprocessor to the echo canceller");
        }
        SpeexDspNative.PreprocessSet(_preprocess, SpeexDspNative.PreprocessSetEchoSuppress, -options.EchoSuppressionDb);
        SpeexDspNative.PreprocessSet(_preprocess, SpeexDspNative.PreprocessSetEchoSuppressActive, -options.EchoSuppressionActiveDb);
        SpeexDspNative.PreprocessSet(_preprocess, SpeexDspNative.PreprocessSetDenoise, options.NoiseSuppressionDb > 0 ? 1 : 0);
        SpeexDspNative.PreprocessSet(_preprocess, SpeexDspNative.PreprocessSetNoiseSuppress, -options.NoiseSuppressionDb);
        SpeexDspNative.PreprocessSet(_preprocess, SpeexDspNative.PreprocessSetAgc, options.AgcEnabled ? 1 : 0);
        SpeexDspNative.PreprocessSet(_preprocess, SpeexDspNative.PreprocessSetAgcLevel, (float)options.AgcLevel);
        SpeexDspNative.PreprocessSet(_preprocess, SpeexDspNative.PreprocessSetAgcMaxGain, options.AgcMaxGainDb);
    }
}
