using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The agent frames the call's RTP session really sent, slot by slot, as its media clock sent them
/// (<see cref="Calls.ICallSession.AttachEchoReference"/>): the echo canceller's exact far-end reference. Following the
/// playback from the agent's side cannot know when the session's send queue ran dry: on a loaded machine the output
/// stage wrote late, the session sent silence in those slots and the agent's words later than planned, and a reference
/// that assumed no gaps ran up to 6 slots (120 ms) ahead of the echo mid-call, which threw the canceller off and let the
/// echo pass for the caller (bench/results/frontend.md, session 5). Each caller frame read is paired with the slot a
/// fixed number of slots before it, the number chosen at the first read, so the echo's delay seen by the canceller is
/// the line's own. The jitter buffer moves that delay too: a concealed frame inserted to grow its depth puts every
/// later caller frame one packet time further behind the clock, a packet skipped to shrink it one nearer, and on a
/// loaded line that moved the echo 20–60 ms mid-call (session 7: 10 of 15 missed RTP barge-ins). The call tells this
/// pairing each caller frame's playout slip (<see cref="ICallerPlayoutSlipSink"/>), and the slot paired with a frame
/// moves back by the slip gained since the first read, so the canceller's echo path stays where the line put it.
/// Called on the media clock's thread (writes) and the input stage's (reads); allocates nothing.
/// </summary>
internal sealed class SentAgentFrames : IMediaAudioTap, ICallerPlayoutSlipSink
{
    /// <summary>Slots remembered (1.3 s): more than the call's inbound queue holds (1 s), so a reader as late as the
    /// call lets it be still finds its slot.</summary>
    private const int Slots = 64;

    private const int FrameSamples = AudioFormat.SamplesPerFrame;

    private readonly object _gate = new();
    private readonly short[] _ring = new short[Slots * FrameSamples];
    private readonly long[] _slipMs = new long[Slots]; // per caller frame produced, by its number
    private long _sent;
    private long _produced;
    private long? _readToSlot;
    private long? _readToProduced;
    private long _firstSlipMs;
    private long _lastSlipMs;
    private long _lastSlipSlots;

    /// <summary>The caller's side is read from the call itself.</summary>
    public void CallerFrame(ReadOnlySpan<short> frame)
    {
    }

    /// <summary>One caller frame produced by the clock, <paramref name="playoutSlipMs"/> behind the caller's timeline.</summary>
    public void CallerFrameProduced(long playoutSlipMs)
    {
        lock (_gate)
        {
            _slipMs[(int)(_produced % Slots)] = playoutSlipMs;
            _produced++;
        }
    }

    /// <summary>One send slot's agent frame (empty: the slot carried silence).</summary>
    public void AgentFrame(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            var slot = _ring.AsSpan((int)(_sent % Slots) * FrameSamples, FrameSamples);
            if (frame.Length == FrameSamples)
            {
                frame.CopyTo(slot);
            }
            else
            {
                slot.Clear();
            }
            _sent++;
        }
    }

    /// <summary>
    /// Copies the agent frame paired with caller frame number <paramref name="read"/> (0, 1, … in reading order) into
    /// <paramref name="farEnd"/>; <paramref name="callerFramesWaiting"/> is how many later caller frames the call has
    /// produced and not yet given (used once, at the first read, to place the pairing just behind the clock).
    /// Returns how many frames the caller's audio slipped behind the clock at this frame: +1 when the jitter buffer
    /// inserted it, −1 when it skipped the packet before it, 0 otherwise (see <c>PlayoutSlipGuard</c>).
    /// </summary>
    public int CopyReference(long read, int callerFramesWaiting, Span<short> farEnd)
    {
        lock (_gate)
        {
            // The frame just read was produced `waiting` ticks ago; the slot that closed before that tick is complete.
            // One slot more keeps the pairing behind the clock if the count was read a tick late.
            _readToSlot ??= _sent - 2 - Math.Max(0, callerFramesWaiting) - read;
            var slipSlots = SlipSinceFirstRead(read, callerFramesWaiting);
            var slipped = (int)Math.Clamp(slipSlots - _lastSlipSlots, -Slots, Slots);
            _lastSlipSlots = slipSlots;
            var slot = read + _readToSlot.Value - slipSlots;
            if (slot < 0 || slot >= _sent || slot < _sent - Slots)
            {
                farEnd.Clear(); // before the first slot sent, or a reader later than the inbound queue allows
                return slipped;
            }
            _ring.AsSpan((int)(slot % Slots) * FrameSamples, FrameSamples).CopyTo(farEnd);
            return slipped;
        }
    }

    // Slots the caller frame `read` has slipped behind the clock since the first frame read (0 when the call reports
    // no slips, or the frame's number has left the ring). Rounded to whole slots: a 10 ms packet time moves by halves.
    private long SlipSinceFirstRead(long read, int callerFramesWaiting)
    {
        if (_produced == 0)
        {
            return 0;
        }
        if (_readToProduced is null)
        {
            _readToProduced = _produced - 1 - Math.Max(0, callerFramesWaiting) - read;
            _firstSlipMs = _lastSlipMs = SlipOf(read + _readToProduced.Value) ?? 0;
        }
        var slip = _lastSlipMs = SlipOf(read + _readToProduced.Value) ?? _lastSlipMs;
        return (long)Math.Round((slip - _firstSlipMs) / (double)AudioFormat.FrameMilliseconds);
    }

    private long? SlipOf(long produced) =>
        produced < 0 || produced >= _produced || produced < _produced - Slots ? null : _slipMs[(int)(produced % Slots)];
}
