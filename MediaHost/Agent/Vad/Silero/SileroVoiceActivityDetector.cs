using Microsoft.ML.OnnxRuntime;
using VoiceFunctions.MediaHost.Calls;

using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Voice activity from the Silero VAD model, run only when a cheap energy gate hears something. 20 ms frames are
/// gathered into the model's 32 ms windows; each run is fed the previous window's last 64 samples as context and the
/// recurrent state the previous run returned (<c>stateN</c> becomes the next <c>state</c>). When the gate has been
/// closed past its hangover the state and context are cleared, so the next speech starts from a fresh model, as at
/// the start of a stream. Buffers and ONNX values are allocated once per call; frames allocate nothing in managed
/// code. One instance per call.
/// </summary>
public sealed class SileroVoiceActivityDetector : IVoiceActivityDetector, IDisposable
{
    private readonly SileroVadModel _model;
    private readonly SileroVadOptions _options;
    private readonly EnergyVoiceActivityDetector _gate;
    private readonly float[] _input = new float[SileroVadModel.ContextSamples + SileroVadModel.WindowSamples];
    private readonly float[] _state = new float[SileroVadModel.StateSize];
    private readonly float[] _output = new float[1];
    private readonly float[] _nextState = new float[SileroVadModel.StateSize];
    private readonly long[] _sampleRate = [SileroVadModel.SampleRate];
    private readonly OrtValue[] _inputValues;
    private readonly OrtValue[] _outputValues;
    private readonly RunOptions _runOptions = new();
    private readonly int _hangoverFrames;
    private int _filled; // samples of the current window gathered (after the context)
    private int _framesSinceGate = int.MaxValue;
    private bool _modelFresh = true;
    private bool _inSpeech;

    public SileroVoiceActivityDetector(SileroVadModel model, SileroVadOptions options, VadOptions energyOptions)
    {
        _model = model;
        _options = options;
        _gate = new EnergyVoiceActivityDetector(energyOptions);
        _hangoverFrames = options.GateHangoverMs / AudioFormat.FrameMilliseconds;
        _inputValues =
        [
            OrtValue.CreateTensorValueFromMemory(_input, [1, _input.Length]),
            OrtValue.CreateTensorValueFromMemory(_state, [2, 1, 128]),
            OrtValue.CreateTensorValueFromMemory(_sampleRate, []),
        ];
        _outputValues =
        [
            OrtValue.CreateTensorValueFromMemory(_output, [1, 1]),
            OrtValue.CreateTensorValueFromMemory(_nextState, [2, 1, 128]),
        ];
    }

    /// <summary>The model's speech probability of the last window it judged (0 when it has not run).</summary>
    public float LastProbability { get; private set; }

    /// <summary>Windows the model judged since the call began (the energy gate skips the rest).</summary>
    public long WindowsRun { get; private set; }

    public VoiceActivity Process(ReadOnlySpan<short> frame)
    {
        var energy = _gate.Process(frame);
        var gateOpen = energy.LevelDbfs >= _options.GateThresholdDb + energy.NoiseFloorDbfs && energy.LevelDbfs >= -70;
        _framesSinceGate = gateOpen ? 0 : _framesSinceGate == int.MaxValue ? int.MaxValue : _framesSinceGate + 1;
        if (_framesSinceGate > _hangoverFrames)
        {
            // Nothing to hear: the model does not run, and its memory of the last speech is dropped.
            if (!_modelFresh)
            {
                ResetModel();
            }
            _inSpeech = false;
            return energy with { IsSpeech = false };
        }
        foreach (var sample in frame)
        {
            _input[SileroVadModel.ContextSamples + _filled++] = sample / 32768f;
            if (_filled == SileroVadModel.WindowSamples)
            {
                RunWindow();
            }
        }
        return energy with { IsSpeech = _inSpeech };
    }

    public void Reset()
    {
        _gate.Reset();
        ResetModel();
        _inSpeech = false;
        _framesSinceGate = int.MaxValue;
    }

    public void Dispose()
    {
        foreach (var value in _inputValues)
        {
            value.Dispose();
        }
        foreach (var value in _outputValues)
        {
            value.Dispose();
        }
        _runOptions.Dispose();
    }

    private void RunWindow()
    {
        _model.Session.Run(_runOptions, SileroVadModel.InputNames, _inputValues, SileroVadModel.OutputNames, _outputValues);
        WindowsRun++;
        _modelFresh = false;
        LastProbability = _output[0];
        _nextState.CopyTo(_state, 0);
        // The last 64 samples of this window are the next window's context.
        Array.Copy(_input, _input.Length - SileroVadModel.ContextSamples, _input, 0, SileroVadModel.ContextSamples);
        _filled = 0;
        _inSpeech = _inSpeech ? LastProbability >= _options.DeactivationThreshold : LastProbability >= _options.ActivationThreshold;
    }

    private void ResetModel()
    {
        Array.Clear(_state);
        Array.Clear(_input);
        _filled = 0;
        _modelFresh = true;
        LastProbability = 0;
    }
}
