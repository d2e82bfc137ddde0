using BenchmarkDotNet.Attributes;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.TestSupport.LineSimulation;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// CPU of the front-end per 20 ms frame of one call, with the agent talking (echo canceller adapting, delay search,
/// preprocessor) and with both sides quiet. One frame every 20 ms: time per frame ÷ 20 ms = share of a core per call.
/// </summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private const int Frames = 500; // 10 s of audio, cycled
    private readonly short[] _near = new short[320];
    private short[] _sent = [];
    private short[] _received = [];
    private SpeexFrontEnd _frontEnd = null!;
    private int _frame;

    [Params(false, true)]
    public bool AgentTalking { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var samples = Frames * 320;
        // Pink noise stands in for the agent's voice here (espeak-ng is not needed to time the arithmetic).
        _sent = AgentTalking ? SignalLevels.ScaleTo(Noise.Pink(samples, seed: 1), -20) : new short[samples];
        var line = new LineSimulator(new EchoPathSettings(DelayMs: 150, ReturnLossDb: 12, ClipFraction: 0.8));
        _received = line.Run(_sent, noise: SignalLevels.ScaleTo(Noise.White(samples, seed: 2), -60));
        _frontEnd = new SpeexFrontEnd(new AudioFrontEndOptions());
    }

    [GlobalCleanup]
    public void Cleanup() => _frontEnd.Dispose();

    [Benchmark]
    public FrontEndFrame ProcessOneFrame()
    {
        var offset = _frame * 320;
        _frame = (_frame + 1) % Frames;
        _received.AsSpan(offset, 320).CopyTo(_near);
        return _frontEnd.Process(_sent.AsSpan(offset, 320), _near);
    }
}
