namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// What the host's packets say about its timing, measured on the wire side: per call, each packet's arrival
/// against that call's ideal 20 ms timeline (arrival − (baseline + k × 20 ms), k from the RTP sequence number), and
/// the sequence numbers that never arrived. The baseline is the call's earliest arrival − k × 20 ms seen so far
/// (its first packet's arrival when that one was on time), so lateness is never negative and one late first packet
/// does not make the rest look early. Lateness and gaps count only inside the measurement window
/// (<see cref="StartWindow"/>); the baseline learns from the warm-up too.
/// </summary>
internal sealed class WireTimeline
{
    private const long PeriodNs = 20_000_000;

    private readonly long[] _baselineNs;
    private readonly long[] _highest;          // highest extended sequence number seen (-1: none yet)
    private readonly long[] _firstInWindow;    // extended sequence number of the first packet in the window (-1: none)
    private readonly long[] _highestInWindow;
    private readonly long[] _received;         // packets in the window
    private bool _measuring;

    public WireTimeline(int calls)
    {
        _baselineNs = new long[calls];
        _highest = new long[calls];
        _firstInWindow = new long[calls];
        _highestInWindow = new long[calls];
        _received = new long[calls];
        Array.Fill(_baselineNs, long.MaxValue);
        Array.Fill(_highest, -1);
        Array.Fill(_firstInWindow, -1);
    }

    /// <summary>How late packets arrived against their call's timeline (inside the window).</summary>
    public LatenessCounts Lateness { get; } = new();

    public void StartWindow() => _measuring = true;

    /// <summary>Records one packet of <paramref name="call"/> with RTP sequence number <paramref name="sequence"/>.</summary>
    public void OnPacket(int call, ushort sequence, long arrivalNs)
    {
        var extended = Extend(_highest[call], sequence);
        _highest[call] = Math.Max(_highest[call], extended);
        var onTimeline = arrivalNs - extended * PeriodNs;
        if (onTimeline < _baselineNs[call])
        {
            _baselineNs[call] = onTimeline;
        }
        if (!_measuring)
        {
            return;
        }
        Lateness.Record((onTimeline - _baselineNs[call]) / 1e6);
        if (_firstInWindow[call] < 0)
        {
            _firstInWindow[call] = extended;
            _highestInWindow[call] = extended;
        }
        _highestInWindow[call] = Math.Max(_highestInWindow[call], extended);
        _received[call]++;
    }

    /// <summary>Packets of <paramref name="call"/> received inside the window.</summary>
    public long Received(int call) => _received[call];

    /// <summary>Sequence numbers of <paramref name="call"/> missing between the window's first and highest packet.</summary>
    public long Missing(int call) =>
        _firstInWindow[call] < 0 ? 0 : Math.Max(0, _highestInWindow[call] - _firstInWindow[call] + 1 - _received[call]);

    // The 16-bit sequence number as a count that keeps growing across wraps, near the highest one seen so far.
    private static long Extend(long highest, ushort sequence)
    {
        if (highest < 0)
        {
            return sequence;
        }
        var delta = (short)(sequence - (ushort)highest);
        return Math.Max(0, highest + delta);
    }
}
