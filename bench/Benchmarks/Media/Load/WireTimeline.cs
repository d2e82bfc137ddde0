using VoiceFunctions.MediaHost.Media;
namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// What the host's packets say about its timing, measured on the wire side: per call, each packet's arrival
/// against that call's ideal 20 ms timeline, arrival − (baseline + k × 20 ms) with k from the RTP sequence number,
/// and the sequence numbers that never arrived. Only packets inside the measurement window count
/// (<see cref="StartWindow"/>: the warm-up, with the calls being placed, may shift a call's stream for good). The
/// baseline is the call's earliest arrival − k × 20 ms in the window, which is its first packet's arrival when that
/// one was on time; so lateness is never negative and one late first packet does not make the rest look early.
/// Because the baseline is known only at the end, the window's packets are kept (two numbers each, in arrays
/// allocated up front) and <see cref="Finish"/> fills <see cref="Lateness"/>.
/// </summary>
internal sealed class WireTimeline
{
    private const long PeriodNs = 20_000_000;

    private readonly long[] _highest;          // highest extended sequence number seen (-1: none yet)
    private readonly long[] _firstInWindow;    // extended sequence number of the first packet in the window (-1: none)
    private readonly long[] _highestInWindow;
    private readonly long[] _received;         // packets in the window
    private readonly int[] _packetCall;        // the window's packets: call, and arrival − k × 20 ms
    private readonly long[] _packetOffsetNs;
    private int _packets;
    private bool _measuring;

    /// <param name="calls">Calls, numbered 0 … calls − 1.</param>
    /// <param name="capacity">Packets the window may time; any beyond are counted in <see cref="Untimed"/> only.</param>
    public WireTimeline(int calls, int capacity)
    {
        _highest = new long[calls];
        _firstInWindow = new long[calls];
        _highestInWindow = new long[calls];
        _received = new long[calls];
        _packetCall = new int[capacity];
        _packetOffsetNs = new long[capacity];
        Array.Fill(_highest, -1);
        Array.Fill(_firstInWindow, -1);
    }

    /// <summary>How late the window's packets arrived against their call's timeline (after <see cref="Finish"/>).</summary>
    public LatenessHistogram Lateness { get; } = new(maxMilliseconds: 2000, bucketsPerMillisecond: 10);

    /// <summary>Packets in the window beyond the capacity given, which were not timed.</summary>
    public long Untimed { get; private set; }

    public void StartWindow() => _measuring = true;

    /// <summary>Records one packet of <paramref name="call"/> with RTP sequence number <paramref name="sequence"/>.</summary>
    public void OnPacket(int call, ushort sequence, long arrivalNs)
    {
        var extended = Extend(_highest[call], sequence);
        _highest[call] = Math.Max(_highest[call], extended);
        if (!_measuring)
        {
            return;
        }
        if (_packets < _packetCall.Length)
        {
            _packetCall[_packets] = call;
            _packetOffsetNs[_packets++] = arrivalNs - extended * PeriodNs;
        }
        else
        {
            Untimed++;
        }
        if (_firstInWindow[call] < 0)
        {
            _firstInWindow[call] = extended;
            _highestInWindow[call] = extended;
        }
        _highestInWindow[call] = Math.Max(_highestInWindow[call], extended);
        _received[call]++;
    }

    /// <summary>Times every packet of the window against its call's baseline, into <see cref="Lateness"/>.</summary>
    public void Finish()
    {
        var baseline = new long[_received.Length];
        Array.Fill(baseline, long.MaxValue);
        for (var i = 0; i < _packets; i++)
        {
            baseline[_packetCall[i]] = Math.Min(baseline[_packetCall[i]], _packetOffsetNs[i]);
        }
        Lateness.Reset();
        for (var i = 0; i < _packets; i++)
        {
            Lateness.Record((_packetOffsetNs[i] - baseline[_packetCall[i]]) / 1e6);
        }
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
