using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Decides when each 20 ms frame slot of a call's outgoing stream is handed to the encoder, so agent audio leaves as
/// soon as its slot allows instead of waiting for the next media-clock tick. Slot n opens at the tick that ends slot
/// n - 1 and must be filled by the tick that ends it (its deadline). A frame the audio loop writes while the open
/// slot is still empty fills it at once (from the writer's thread); at a deadline an empty slot gets the next queued
/// frame or silence (comfort noise, DTMF — whatever <see cref="OutboundMedia"/> makes of an empty frame); then the
/// next slot opens and takes a frame already queued. Every slot is filled exactly once, so timestamps and sequence
/// numbers advance exactly as when the clock alone sent, only earlier. A writer in step with the clock sees almost
/// no delay; one that writes ahead is paced one frame per slot.
/// Pure: no sockets and no lock of its own; the session calls it under its lock and sends what it returns.
/// </summary>
public sealed class OutboundPacer
{
    private readonly FrameRing _queue;
    private readonly TimeProvider _time;
    private readonly short[] _frame;
    private bool _slotFilled;
    private double _slotOpenedMs = double.MinValue; // the first slot opens when the call starts: frames written before the first tick are live
    private bool _talking;

    /// <param name="queue">The frames the audio loop wrote, stamped with <paramref name="time"/> (see <see cref="FrameRing"/>).</param>
    public OutboundPacer(FrameRing queue, int frameSamples, TimeProvider time)
    {
        _queue = queue;
        _time = time;
        _frame = new short[frameSamples];
    }

    /// <summary>
    /// Added delay that is the path's own: from when a frame could first leave (written, or its slot opened if it was
    /// written ahead of its slot) to its packet being made (ms). Null: not measured.
    /// </summary>
    public LatenessHistogram? OwnDelay { get; init; }

    /// <summary>How long frames written ahead of their slot waited for it (ms): the writer's own pacing, not the path's.</summary>
    public LatenessHistogram? QueuedAhead { get; init; }

    /// <summary>Sees each slot's frame as it is filled (call recording); set under the session's lock.</summary>
    public IMediaAudioTap? Tap { get; set; }

    /// <summary>Sees each slot's agent frame as it is filled, like <see cref="Tap"/> (the echo canceller's reference).</summary>
    public IMediaAudioTap? EchoReference { get; set; }

    /// <summary>Whether the open slot has had its frame (audio or silence).</summary>
    public bool SlotFilled => _slotFilled;

    /// <summary>
    /// The audio loop has just queued a frame: if the open slot is still empty, fills it with the oldest queued frame
    /// and returns the packet's length (0 when the packet is not complete yet, ptime &gt; 20 ms). Returns 0 and
    /// leaves the frame queued when the slot is already filled or we may not send (hold: the deadline paces it).
    /// </summary>
    public int OnFrameWritten(OutboundMedia media, bool maySend, Span<byte> packet) =>
        maySend ? Fill(media, maySend, packet, silenceIfEmpty: false) : 0;

    /// <summary>
    /// At a tick, the open slot's deadline: fills it now if nothing did (a queued frame, else silence), or on hold
    /// takes its frame off the queue and advances the timeline without a packet. Returns the packet's length or 0.
    /// </summary>
    public int CloseSlot(OutboundMedia media, bool maySend, Span<byte> packet) =>
        Fill(media, maySend, packet, silenceIfEmpty: true);

    /// <summary>
    /// At the same tick, after <see cref="CloseSlot"/>: opens the next slot (<paramref name="nowMs"/>, the tick's due
    /// time on the time provider's millisecond scale) and fills it at once with a frame already queued, if any.
    /// </summary>
    public int OpenSlot(long nowMs, OutboundMedia media, bool maySend, Span<byte> packet)
    {
        _slotFilled = false;
        _slotOpenedMs = nowMs;
        return maySend ? Fill(media, maySend, packet, silenceIfEmpty: false) : 0;
    }

    private int Fill(OutboundMedia media, bool maySend, Span<byte> packet, bool silenceIfEmpty)
    {
        if (_slotFilled)
        {
            return 0;
        }
        var hasAudio = _queue.TryRead(_frame, out var writtenAt);
        if (!hasAudio && !silenceIfEmpty)
        {
            return 0;
        }
        _slotFilled = true;
        var talkSpurtStart = hasAudio && !_talking;
        _talking = hasAudio;
        Tap?.AgentFrame(hasAudio && maySend ? _frame : ReadOnlySpan<short>.Empty);
        EchoReference?.AgentFrame(hasAudio && maySend ? _frame : ReadOnlySpan<short>.Empty);
        if (!maySend)
        {
            media.SkipFrame();
            return 0;
        }
        var length = media.OnFrame(hasAudio ? _frame : ReadOnlySpan<short>.Empty, packet, talkSpurtStart);
        if (length > 0 && hasAudio)
        {
            RecordDelay(writtenAt);
        }
        return length;
    }

    private void RecordDelay(long writtenAt)
    {
        var nowMs = _time.GetElapsedTime(0).TotalMilliseconds;
        var writtenMs = _time.GetElapsedTime(0, writtenAt).TotalMilliseconds;
        var couldLeaveMs = Math.Max(writtenMs, _slotOpenedMs);
        OwnDelay?.Record(nowMs - couldLeaveMs);
        if (writtenMs < _slotOpenedMs)
        {
            QueuedAhead?.Record(_slotOpenedMs - writtenMs);
        }
    }
}
