using BenchmarkDotNet.Attributes;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>Jitter buffer cost per packet: one insert plus one take, in order and with every other pair swapped.</summary>
[MemoryDiagnoser]
public class JitterBufferBenchmarks
{
    private readonly JitterBuffer _buffer = new(20, 8000, new JitterBufferOptions());
    private readonly byte[] _payload = new byte[160];
    private readonly byte[] _out = new byte[JitterBuffer.MaxPayloadBytes];
    private long _sequence;
    private long _now;

    [Benchmark(OperationsPerInvoke = 2)]
    public JitterBufferFrame InsertAndTakeReordered()
    {
        // Two packets per call, swapped, then two takes: reordering on every pair.
        _buffer.Insert(_sequence + 1, (uint)((_sequence + 1) * 160), _payload, _now);
        _buffer.Insert(_sequence, (uint)(_sequence * 160), _payload, _now);
        _sequence += 2;
        _now += 20;
        _buffer.Take(_now, _out, out _);
        _now += 20;
        return _buffer.Take(_now, _out, out _);
    }
}
