using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>Cuts a stream of samples into 20 ms frames (320 samples at 16 kHz); the tail is padded with silence.</summary>
public sealed class FrameAssembler
{
    private readonly List<short> _pending = [];

    /// <summary>Adds samples; returns the frames now complete.</summary>
    public List<short[]> Add(IReadOnlyList<short> samples)
    {
        _pending.AddRange(samples);
        var frames = new List<short[]>(_pending.Count / AudioFormat.SamplesPerFrame);
        var whole = _pending.Count / AudioFormat.SamplesPerFrame;
        for (var f = 0; f < whole; f++)
        {
            frames.Add(_pending.GetRange(f * AudioFormat.SamplesPerFrame, AudioFormat.SamplesPerFrame).ToArray());
        }
        _pending.RemoveRange(0, whole * AudioFormat.SamplesPerFrame);
        return frames;
    }

    /// <summary>The last, partial frame padded with silence, or null.</summary>
    public short[]? Flush()
    {
        if (_pending.Count == 0)
        {
            return null;
        }
        var frame = new short[AudioFormat.SamplesPerFrame];
        _pending.CopyTo(frame);
        _pending.Clear();
        return frame;
    }
}
