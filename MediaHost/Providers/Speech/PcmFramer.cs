using VoiceFunctions.MediaHost.Calls;

using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Providers.Speech;

/// <summary>
/// Turns pieces of headerless 16-bit little-endian PCM, as a vendor streams them, into the loop's 20 ms frames
/// (16 kHz; other rates resampled): pieces may split a sample, frames come out as soon as 320 samples are there.
/// Pure: no I/O.
/// </summary>
public sealed class PcmFramer(int sourceRate)
{
    private readonly AlignedResampling? _resampler = sourceRate == AudioFormat.SampleRate ? null : new AlignedResampling(sourceRate, AudioFormat.SampleRate);
    private readonly FrameAssembler _assembler = new();
    private readonly List<short> _samples = [];
    private byte? _oddByte;

    /// <summary>Adds a piece of the body; returns the frames it completed.</summary>
    public IEnumerable<short[]> Add(ReadOnlySpan<byte> pcm)
    {
        _samples.Clear();
        if (_oddByte is { } first && pcm.Length > 0)
        {
            _samples.Add((short)(first | (pcm[0] << 8)));
            pcm = pcm[1..];
            _oddByte = null;
        }
        var even = pcm.Length & ~1;
        for (var i = 0; i < even; i += 2)
        {
            _samples.Add((short)(pcm[i] | (pcm[i + 1] << 8)));
        }
        if (even < pcm.Length)
        {
            _oddByte = pcm[even];
        }
        return Frames(flush: false);
    }

    /// <summary>The end of the audio: what the resampler holds, and the last frame padded with silence.</summary>
    public IEnumerable<short[]> Complete()
    {
        _samples.Clear();
        var frames = Frames(flush: true).ToList();
        if (_assembler.Flush() is { } last)
        {
            frames.Add(last);
        }
        return frames;
    }

    private List<short[]> Frames(bool flush)
    {
        if (_resampler is null)
        {
            return [.. _assembler.Add(_samples)];
        }
        var converted = new List<short>(_samples.Count);
        _resampler.Process(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_samples), converted);
        if (flush)
        {
            _resampler.Flush(converted);
        }
        return [.. _assembler.Add(converted)];
    }
}
