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
/// the line's own. Called on the media clock's thread (writes) and the input stage's (reads); allocates nothing.
/// </summary>
internal sealed class SentAgentFrames : IMediaAudioTap
{
    /// <summary>Slots remembered (1.3 s): more than the call's inbound queue holds (1 s), so a reader as late as the
    /// call lets it be still finds its slot.</summary>
    private const int Slots = 64;

    private const int FrameSamples = AudioFormat.SamplesPerFrame;

    private readonly object _gate = new();
    private readonly short[] _ring = new short[Slots * FrameSamples];
    private long _sent;
    private long? _readToSlot;

    /// <summary>The caller's side is read from the call itself.</summary>
    public void CallerFrame(ReadOnlySpan<short> frame)
    {
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
    /// </summary>
    public void CopyReference(long read, int callerFramesWaiting, Span<short> farEnd)
    {
        lock (_gate)
        {
            // The frame just read was produced `waiting` ticks ago; the slot that closed before that tick is complete.
            // One slot more keeps the pairing behind the clock if the count was read a tick late.
            _readToSlot ??= _sent - 2 - Math.Max(0, callerFramesWaiting) - read;
            var slot = read + _readToSlot.Value;
            if (slot < 0 || slot >= _sent || slot < _sent - Slots)
            {
                farEnd.Clear(); // before the first slot sent, or a reader later than the inbound queue allows
                return;
            }
            _ring.AsSpan((int)(slot % Slots) * FrameSamples, FrameSamples).CopyTo(farEnd);
        }
    }
}
