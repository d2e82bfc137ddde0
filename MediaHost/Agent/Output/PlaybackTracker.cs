using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Follows the agent's frames from the moment they are handed to the call to the moment they play. The call plays one
/// queued frame per 20 ms slot and the input stage reads one caller frame per slot, so every read is one played frame:
/// the frame that played is the echo canceller's far-end reference, and an empty queue means the agent's audio has
/// finished playing. Frames dropped by a barge-in never play. Written by the output stage, advanced by the input stage.
/// </summary>
public sealed class PlaybackTracker
{
    private readonly object _gate = new();
    private short[][] _ring = NewRing(64);
    private int _head;
    private int _count;
    private TaskCompletionSource? _drained;

    /// <summary>Frames handed to the call and not yet played.</summary>
    public int Outstanding
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>The output stage handed <paramref name="frame"/> to the call (copied: the caller may reuse it).</summary>
    public void Queued(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            if (_count == _ring.Length)
            {
                Grow();
            }
            frame.CopyTo(_ring[(_head + _count) % _ring.Length]);
            _count++;
        }
    }

    /// <summary>
    /// One slot passed: copies the frame that played in it into <paramref name="farEnd"/> (silence when none did) and
    /// returns whether agent frames remain queued after it.
    /// </summary>
    public bool NextSlot(Span<short> farEnd)
    {
        TaskCompletionSource? drained = null;
        bool audible;
        lock (_gate)
        {
            if (_count > 0)
            {
                _ring[_head].CopyTo(farEnd);
                _head = (_head + 1) % _ring.Length;
                _count--;
            }
            else
            {
                farEnd.Clear();
            }
            audible = _count > 0;
            if (!audible)
            {
                (drained, _drained) = (_drained, null);
            }
        }
        drained?.TrySetResult();
        return audible;
    }

    /// <summary>The call dropped every queued frame (barge-in).</summary>
    public void Cleared()
    {
        TaskCompletionSource? drained;
        lock (_gate)
        {
            _count = 0;
            (drained, _drained) = (_drained, null);
        }
        drained?.TrySetResult();
    }

    /// <summary>Completes once every frame queued so far has played (or was dropped).</summary>
    public Task WhenDrained()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return Task.CompletedTask;
            }
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }

    private void Grow()
    {
        var larger = NewRing(_ring.Length * 2);
        for (var i = 0; i < _count; i++)
        {
            _ring[(_head + i) % _ring.Length].CopyTo(larger[i], 0);
        }
        _ring = larger;
        _head = 0;
    }

    private static short[][] NewRing(int frames)
    {
        var ring = new short[frames][];
        for (var i = 0; i < frames; i++)
        {
            ring[i] = new short[AudioFormat.SamplesPerFrame];
        }
        return ring;
    }
}
