using VoiceFunctions.MediaHost.Agent.FrontEnd;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// Around a call's front-end in the RTP bench: keeps every frame pair the input stage handed it (the agent's frame that
/// played, the caller side as it arrived) so a call can be written out and replayed offline, frame by frame, through the
/// same deterministic front-end and listener (<see cref="BargeInReplay"/>). Bench only: it allocates per frame.
/// </summary>
public sealed class RecordingFrontEnd(IAudioFrontEnd inner) : IAudioFrontEnd
{
    private readonly List<short> _far = [];
    private readonly List<short> _near = [];
    private readonly object _lock = new();

    /// <summary>Frames seen so far.</summary>
    public int Frames
    {
        get
        {
            lock (_lock)
            {
                return _far.Count / MediaHost.MediaModel.AudioFormat.SamplesPerFrame;
            }
        }
    }

    public FrontEndFrame Process(ReadOnlySpan<short> farEnd, Span<short> nearEnd)
    {
        lock (_lock)
        {
            _far.AddRange(farEnd);
            _near.AddRange(nearEnd);
        }
        return inner.Process(farEnd, nearEnd);
    }

    /// <summary>Writes the agent's frames to <c>path.far.raw</c> and the caller side's to <c>path.near.raw</c> (16 kHz s16le).</summary>
    public void WriteTo(string path)
    {
        lock (_lock)
        {
            File.WriteAllBytes(path + ".far.raw", System.Runtime.InteropServices.MemoryMarshal.AsBytes(_far.ToArray().AsSpan()).ToArray());
            File.WriteAllBytes(path + ".near.raw", System.Runtime.InteropServices.MemoryMarshal.AsBytes(_near.ToArray().AsSpan()).ToArray());
        }
    }

    public void Dispose() => inner.Dispose();
}
