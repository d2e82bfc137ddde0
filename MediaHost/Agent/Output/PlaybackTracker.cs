using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Follows the agent's frames from the moment they are handed to the call to the moment they play. The call plays one
/// queued frame per 20 ms slot of its media clock and produces one caller frame per slot; the input stage reads those
/// caller frames, possibly some slots late (a busy thread pool). For each caller frame read the tracker gives the agent
/// frame that played in the same slot — the echo canceller's far-end reference — counting the caller frames still
/// waiting to be read as slots that have already played, so a reader that lags and then catches up does not move the
/// echo's apparent delay (measured over RTP on a loaded machine: 350 → 290 ms within 2 s before). An empty queue means
/// the agent's audio has finished playing. Frames dropped by a barge-in never play. Written by the output stage,
/// advanced by the input stage.
/// </summary>
public sealed class PlaybackTracker
{
    /// <summary>Slots of played frames remembered (1.3 s): more than the call's inbound queue holds (1 s), so a reader
    /// as late as the call lets it be still finds the frame that played with the caller frame it reads.</summary>
    private const int PlayedSlots = 64;

    private readonly object _gate = new();
    private readonly short[][] _played = NewRing(PlayedSlots);
    private readonly bool[] _playedAudio = new bool[PlayedSlots];
    private long _readSlot;
    private long _playedUpTo;
    private short[][] _ring = NewRing(64);
    private int _head;
    private int _count;
    private TaskCompletionSource? _drained;
    private readonly SentAgentFrames _sent = new();

    /// <summary>Receives the frames the call really sent (<see cref="Calls.ICallSession.AttachEchoReference"/>); once the
    /// call accepted it (<see cref="ReferenceFromSentFrames"/>), the echo reference comes from them rather than from
    /// following the queue.</summary>
    public IMediaAudioTap SentFrames => _sent;

    /// <summary>The call reports the frames it sent: <see cref="NextSlot"/> gives those as the echo reference.</summary>
    public bool ReferenceFromSentFrames { get; set; }

    /// <summary>How many frames the caller's audio of the slot <see cref="NextSlot"/> last gave slipped behind the clock
    /// (+1 a frame the jitter buffer inserted, −1 one it skipped before it; 0 without sent-frame references). Read by the
    /// input stage right after <see cref="NextSlot"/>, on its thread.</summary>
    public int LastPlayoutSlip { get; private set; }

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
    /// One caller frame was read: copies the agent frame that played in its slot into <paramref name="farEnd"/> (silence
    /// when none did) and returns whether agent audio played or remains queued after that slot.
    /// <paramref name="callerFramesWaiting"/> is how many later caller frames the call has produced and not yet given
    /// (<see cref="Calls.ICallSession.CallerFramesQueued"/>): their slots have played too.
    /// </summary>
    public bool NextSlot(Span<short> farEnd, int callerFramesWaiting = 0)
    {
        TaskCompletionSource? drained = null;
        bool audible;
        lock (_gate)
        {
            var slot = _readSlot++;
            var playedThrough = slot + 1 + Math.Clamp(callerFramesWaiting, 0, PlayedSlots - 1);
            while (_playedUpTo < playedThrough)
            {
                PlayOneSlot();
            }
            if (ReferenceFromSentFrames)
            {
                LastPlayoutSlip = _sent.CopyReference(slot, callerFramesWaiting, farEnd);
            }
            else
            {
                _played[slot % PlayedSlots].CopyTo(farEnd);
            }
            audible = _count > 0;
            for (var later = slot + 1; later < _playedUpTo && !audible; later++)
            {
                audible = _playedAudio[later % PlayedSlots];
            }
            if (_count == 0)
            {
                (drained, _drained) = (_drained, null);
            }
        }
        drained?.TrySetResult();
        return audible;
    }

    // Under _gate: the next slot plays the oldest queued frame, or silence.
    private void PlayOneSlot()
    {
        var index = (int)(_playedUpTo++ % PlayedSlots);
        _playedAudio[index] = _count > 0;
        if (_count > 0)
        {
            _ring[_head].CopyTo(_played[index], 0);
            _head = (_head + 1) % _ring.Length;
            _count--;
        }
        else
        {
            Array.Clear(_played[index]);
        }
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
