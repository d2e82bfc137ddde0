using BenchmarkDotNet.Attributes;
using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>Encode and decode cost of one 20 ms frame per codec, and the 8/48 kHz ↔ 16 kHz resamplers.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly short[] _pcm8 = Tone(8000, 160);
    private readonly short[] _pcm16 = Tone(16000, 320);
    private readonly short[] _pcm48 = Tone(48000, 960);
    private readonly short[] _out = new short[2048];
    private readonly byte[] _payload = new byte[1500];
    private readonly byte[] _ulaw = new byte[160];
    private readonly byte[] _g722 = new byte[160];
    private byte[] _opus = [];
    private readonly G722Encoder _g722Encoder = new();
    private readonly G722Decoder _g722Decoder = new();
    private readonly OpusCodec _opusCodec = new();
    private readonly Resampler _up8 = new(8000, 16000);
    private readonly Resampler _down8 = new(16000, 8000);
    private readonly Resampler _up48 = new(16000, 48000);
    private readonly Resampler _down48 = new(48000, 16000);

    [GlobalSetup]
    public void Setup()
    {
        MuLaw.Encode(_pcm8, _ulaw);
        new G722Encoder().Encode(_pcm16, _g722);
        var n = new OpusCodec().Encode(_pcm48, _payload);
        _opus = _payload[..n];
    }

    private static short[] Tone(int rate, int count) =>
        Enumerable.Range(0, count).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / rate))).ToArray();

    [Benchmark] public int MuLawEncode() => MuLaw.Encode(_pcm8, _payload);
    [Benchmark] public int MuLawDecode() => MuLaw.Decode(_ulaw, _out);
    [Benchmark] public int ALawEncode() => ALaw.Encode(_pcm8, _payload);
    [Benchmark] public int G722Encode() => _g722Encoder.Encode(_pcm16, _payload);
    [Benchmark] public int G722Decode() => _g722Decoder.Decode(_g722, _out);
    [Benchmark] public int OpusEncode() => _opusCodec.Encode(_pcm48, _payload);
    [Benchmark] public int OpusDecode() => _opusCodec.Decode(_opus, _out.AsSpan(0, 960));
    [Benchmark] public int Resample8To16() => _up8.Process(_pcm8, _out);
    [Benchmark] public int Resample16To8() => _down8.Process(_pcm16, _out);
    [Benchmark] public int Resample16To48() => _up48.Process(_pcm16, _out);
    [Benchmark] public int Resample48To16() => _down48.Process(_pcm48, _out);
}
