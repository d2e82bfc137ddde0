namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>
/// Adaptive jitter buffer for one incoming stream. Packets go in as they arrive (any order); one comes out per
/// packet time on the media clock. It reorders, drops duplicates and packets later than their playout, tells the
/// decoder when to conceal, and adapts its delay. Playout moves one sequence number per packet time, so a
/// missing packet is concealed once and never stalls the stream. The delay is measured against the fastest
/// recent packets (the minimum transit over the last 64 arrivals) and steered towards a target that follows the
/// measured jitter (packet time + 3 × RFC 3550 jitter, within the configured min/max): one concealed frame is
/// inserted to grow it, one packet skipped to shrink it. Payloads are copied into a preallocated ring, so
/// nothing is allocated per packet. Time is passed in (milliseconds on the caller's clock).
/// </summary>
public sealed class JitterBuffer
{
    public const int MaxPayloadBytes = 1500;
    private const int SlotCount = 128; // a power of two, well above MaxDelayMs / smallest packet time
    private const int SlotMask = SlotCount - 1;
    private const int TransitWindow = 64;
    private const int TicksBetweenStretches = 3; // grow the delay one concealed frame at a time, never in a run

    private readonly int _frameMs;
    private readonly int _clockRate;
    private readonly JitterBufferOptions _options;
    private readonly byte[] _payloads = new byte[SlotCount * MaxPayloadBytes];
    private readonly int[] _lengths = new int[SlotCount];
    private readonly long[] _sequences = new long[SlotCount];
    private readonly long[] _arrivals = new long[SlotCount];
    private readonly bool[] _comfortNoise = new bool[SlotCount];
    private readonly JitterEstimator _jitter = new();
    private readonly long[] _transits = new long[TransitWindow];
    private int _transitCount;

    private bool _playing;
    private bool _hasPlayed;     // playout has started once (later pauses conceal rather than wait silently)
    private long _next;          // the extended sequence number to play next
    private long _highest = -1;  // the highest extended sequence number buffered or played
    private int _buffered;
    private long _firstArrivalMs;
    private int _dryTicks;
    private int _ticksSinceStretch;
    private bool _inComfortNoise; // the last packet played was comfort noise: a pause after it is the sender's silence, not loss

    public JitterBuffer(int frameMs, int clockRate, JitterBufferOptions options)
    {
        if (frameMs <= 0 || clockRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frameMs), "Packet time and clock rate must be positive.");
        }
        if (options.MinDelayMs > options.MaxDelayMs)
        {
            throw new ArgumentException($"Jitter buffer MinDelayMs ({options.MinDelayMs}) exceeds MaxDelayMs ({options.MaxDelayMs}).", nameof(options));
        }
        _frameMs = frameMs;
        _clockRate = clockRate;
        _options = options;
        Array.Fill(_sequences, -1);
        Statistics.TargetDelayMs = TargetDelayMs();
    }

    public JitterBufferStatistics Statistics { get; } = new();

    /// <summary>When the packet most recently played arrived (ms on the caller's clock): for the added-delay measurement.</summary>
    public long LastPlayedArrivalMs { get; private set; }

    /// <summary>Packets currently held.</summary>
    public int Count => _buffered;

    /// <summary>
    /// How many packet times playout has fallen behind the sender's sequence since it started: +1 for each frame it
    /// played that was not the sender's (a concealed frame inserted to grow the delay, or a tick with nothing to play),
    /// −1 for each packet skipped to shrink the delay or jumped over when playout restarts after running dry. Where a
    /// frame's content sits in the sender's timeline: the echo canceller uses its changes to keep its reference paired
    /// with the same part of the agent's audio when the buffer's depth moves (a lost packet, concealed in its own
    /// place, does not count). Assumes a sender that keeps sending (a silence-suppressing sender's pauses count too).
    /// </summary>
    public long PlayoutSlip { get; private set; }

    /// <summary>
    /// Offers a packet with extended sequence number <paramref name="sequence"/>. Returns false when it was a
    /// duplicate, late, or too large; the payload is copied, so the caller's buffer can be reused at once.
    /// </summary>
    public bool Insert(long sequence, uint timestamp, ReadOnlySpan<byte> payload, long arrivalMs) =>
        Insert(sequence, timestamp, payload, arrivalMs, comfortNoise: false);

    /// <summary>
    /// Offers a packet; <paramref name="comfortNoise"/> marks an RFC 3389 comfort-noise packet, which plays as
    /// <see cref="JitterBufferFrame.ComfortNoise"/> and turns the pause that follows it into comfort noise too.
    /// </summary>
    public bool Insert(long sequence, uint timestamp, ReadOnlySpan<byte> payload, long arrivalMs, bool comfortNoise)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            return false;
        }
        _jitter.Update(timestamp, arrivalMs * _clockRate / 1000);
        Statistics.JitterMs = _jitter.JitterMilliseconds(_clockRate);
        _transits[_transitCount++ % TransitWindow] = arrivalMs - sequence * _frameMs;

        if (_hasPlayed && sequence < _next)
        {
            if (sequence > _next - SlotCount && WasPlayed(sequence))
            {
                Statistics.Duplicates++;
            }
            else
            {
                Statistics.Late++;
            }
            return false;
        }
        var reference = _playing ? _next : _highest;
        if (_highest >= 0 && Math.Abs(sequence - reference) >= SlotCount)
        {
            Reset(); // the sender jumped (restart, or a new source): start over rather than wait for the gap
        }

        var slot = (int)(sequence & SlotMask);
        if (_sequences[slot] == sequence)
        {
            Statistics.Duplicates++;
            return false;
        }
        if (_sequences[slot] >= 0)
        {
            _buffered--; // an unplayed packet a full ring behind: it can never play now
        }
        payload.CopyTo(_payloads.AsSpan(slot * MaxPayloadBytes, MaxPayloadBytes));
        _lengths[slot] = payload.Length;
        _sequences[slot] = sequence;
        _arrivals[slot] = arrivalMs;
        _comfortNoise[slot] = comfortNoise;
        if (_buffered++ == 0 && !_playing)
        {
            _firstArrivalMs = arrivalMs;
        }
        _highest = Math.Max(_highest, sequence);
        Statistics.Received++;
        return true;
    }

    /// <summary>
    /// Takes what plays in this packet time. For <see cref="JitterBufferFrame.Packet"/> the payload is copied to
    /// <paramref name="payload"/> (at least <see cref="MaxPayloadBytes"/> long) and its length returned in
    /// <paramref name="length"/>.
    /// </summary>
    public JitterBufferFrame Take(long nowMs, Span<byte> payload, out int length)
    {
        length = 0;
        var targetMs = TargetDelayMs();
        Statistics.TargetDelayMs = targetMs;

        _ticksSinceStretch++;
        if (!_playing)
        {
            // The first start waits for the target delay; a restart after running dry resumes with the first
            // packet and lets the delay grow a frame at a time below, so a hiccup never becomes a long silence.
            var waiting = _hasPlayed ? _buffered == 0 : _buffered == 0 || nowMs - _firstArrivalMs < targetMs - _frameMs;
            if (waiting)
            {
                if (!_hasPlayed)
                {
                    return JitterBufferFrame.Waiting;
                }
                if (++_dryTicks * _frameMs >= _options.MaxDelayMs)
                {
                    _transitCount = 0; // a real pause (or silence suppression): measure the delay afresh after it
                }
                return NothingToPlay();
            }
            _playing = true;
            _dryTicks = 0;
            var lowest = LowestBuffered();
            if (_hasPlayed && lowest > _next && lowest - _next < SlotCount)
            {
                Statistics.Lost += lowest - _next; // restarting after running dry: the gap was lost
                PlayoutSlip -= lowest - _next;
            }
            _next = lowest;
            _hasPlayed = true;
        }

        // The delay we play at, relative to the fastest recent packets, steered into [target - frame, target + frame].
        var delayMs = nowMs - _next * _frameMs - MinimumRecentTransit();
        if (delayMs < targetMs - _frameMs && _ticksSinceStretch >= TicksBetweenStretches)
        {
            _ticksSinceStretch = 0;
            Statistics.Concealed++;
            Statistics.Stretched++;
            PlayoutSlip++;
            return JitterBufferFrame.Underrun; // play a concealed frame and keep _next: one packet time more delay
        }
        if (delayMs > targetMs + _frameMs && _buffered > 1)
        {
            if (TryRemove(_next))
            {
                Statistics.DroppedToReduceDelay++;
            }
            else
            {
                Statistics.Lost++;
            }
            _next++;
            PlayoutSlip--;
        }

        if (_next > _highest)
        {
            // Ran dry: nothing newer has arrived (a pause, or the stream stopped). Conceal and start over from
            // the next packet, so a pause neither advances playout past packets still to come nor counts as loss.
            _playing = false;
            _dryTicks = 1;
            return NothingToPlay();
        }

        var slot = (int)(_next & SlotMask);
        var sequence = _next++;
        if (_sequences[slot] == sequence)
        {
            length = _lengths[slot];
            _payloads.AsSpan(slot * MaxPayloadBytes, length).CopyTo(payload);
            LastPlayedArrivalMs = _arrivals[slot];
            TryRemove(sequence);
            MarkPlayed(slot, sequence);
            _inComfortNoise = _comfortNoise[slot];
            if (_inComfortNoise)
            {
                Statistics.ComfortNoise++;
                return JitterBufferFrame.ComfortNoise;
            }
            Statistics.Played++;
            return JitterBufferFrame.Packet;
        }
        Statistics.Concealed++;
        Statistics.Lost++;
        return JitterBufferFrame.Lost;
    }

    private long MinimumRecentTransit()
    {
        var count = Math.Min(_transitCount, TransitWindow);
        var minimum = long.MaxValue;
        for (var i = 0; i < count; i++)
        {
            minimum = Math.Min(minimum, _transits[i]);
        }
        return count == 0 ? 0 : minimum;
    }

    private int TargetDelayMs()
    {
        var wanted = _frameMs + (int)Math.Ceiling(3 * Statistics.JitterMs);
        return Math.Clamp(wanted, _options.MinDelayMs, _options.MaxDelayMs);
    }

    // A played slot keeps its sequence number negated (minus 2, so 0 stays distinct from "empty" -1), which lets a
    // copy arriving after playout be told apart from a packet that was simply late.
    private void MarkPlayed(int slot, long sequence) => _sequences[slot] = -2 - sequence;

    private bool WasPlayed(long sequence) => _sequences[(int)(sequence & SlotMask)] == -2 - sequence;

    private bool TryRemove(long sequence)
    {
        var slot = (int)(sequence & SlotMask);
        if (_sequences[slot] != sequence)
        {
            return false;
        }
        _sequences[slot] = -1;
        _buffered--;
        return true;
    }

    // The buffer has run dry: comfort noise while the sender is silent (RFC 3389: nothing is missing), else an underrun
    // the decoder conceals.
    private JitterBufferFrame NothingToPlay()
    {
        if (_inComfortNoise)
        {
            Statistics.ComfortNoise++;
            return JitterBufferFrame.ComfortNoise;
        }
        Statistics.Concealed++;
        Statistics.Underruns++;
        PlayoutSlip++;
        return JitterBufferFrame.Underrun;
    }

    private long LowestBuffered()
    {
        var lowest = long.MaxValue;
        foreach (var s in _sequences)
        {
            if (s >= 0 && s < lowest)
            {
                lowest = s;
            }
        }
        return lowest;
    }

    private void Reset()
    {
        Array.Fill(_sequences, -1);
        _buffered = 0;
        _playing = false;
        _hasPlayed = false;
        _highest = -1;
        _transitCount = 0;
    }
}
