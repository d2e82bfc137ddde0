namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// The RTP bench's view of what really happened on the media clock (dump=DIR only): each tick's caller frame and each
/// send slot's agent frame as the MediaHost's RTP session saw them (<see cref="MediaHost.MediaModel.IMediaAudioTap"/>).
/// Written beside <see cref="RecordingFrontEnd"/>'s frames, it shows whether the echo reference the input stage paired
/// with each caller frame is the agent frame that went out in that frame's slot. Bench only: it allocates per frame.
/// </summary>
public sealed class WireTapRecorder : MediaHost.MediaModel.IMediaAudioTap
{
    private readonly List<short> _caller = [];
    private readonly List<short> _agent = [];
    private readonly object _lock = new();

    public void CallerFrame(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            _caller.AddRange(frame);
        }
    }

    public void AgentFrame(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            if (frame.IsEmpty)
            {
                _agent.AddRange(new short[MediaHost.MediaModel.AudioFormat.SamplesPerFrame]);
            }
            else
            {
                _agent.AddRange(frame);
            }
        }
    }

    /// <summary>Writes <c>path.wire-near.raw</c> (caller frames per tick) and <c>path.wire-far.raw</c> (agent frames per slot).</summary>
    public void WriteTo(string path)
    {
        lock (_lock)
        {
            File.WriteAllBytes(path + ".wire-near.raw", System.Runtime.InteropServices.MemoryMarshal.AsBytes(_caller.ToArray().AsSpan()).ToArray());
            File.WriteAllBytes(path + ".wire-far.raw", System.Runtime.InteropServices.MemoryMarshal.AsBytes(_agent.ToArray().AsSpan()).ToArray());
        }
    }
}
