using System.Collections.Concurrent;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// 20 ms frame buffers (exactly <see cref="AudioFormat.SamplesPerFrame"/> samples) that circulate between the stages
/// of one call, so that handing a frame from one stage to the next does not allocate: the stage that consumes a frame
/// returns it. A frame lost on the way (a stage cancelled mid-frame) is simply collected; the pool then grows by one.
/// </summary>
internal sealed class AudioFramePool
{
    private readonly ConcurrentQueue<short[]> _free = new();

    public short[] Rent() => _free.TryDequeue(out var frame) ? frame : new short[AudioFormat.SamplesPerFrame];

    public void Return(short[] frame) => _free.Enqueue(frame);
}
