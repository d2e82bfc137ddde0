using System.Buffers.Binary;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp;

/// <summary>
/// Drives a jitter buffer with fake time: a sender emits one packet per 20 ms (payload = its sequence number),
/// the "network" delays, drops, duplicates or reorders them as a test says, and the media clock takes one frame
/// every 20 ms. Records what played at each tick.
/// </summary>
internal sealed class JitterBufferSimulation
{
    public const int FrameMs = 20;

    public sealed record Arrival(long Sequence, long AtMs);

    public List<(JitterBufferFrame Kind, long Sequence)> Played { get; } = [];

    public JitterBuffer Buffer { get; }

    /// <summary><see cref="JitterBuffer.PlayoutSlip"/> after each tick, by tick.</summary>
    public List<long> Slips { get; } = [];

    public JitterBufferSimulation(JitterBufferOptions? options = null)
    {
        Buffer = new JitterBuffer(FrameMs, 8000, options ?? new JitterBufferOptions());
    }

    /// <summary>Packets 0..count-1 sent every 20 ms and delayed by <paramref name="delayMs"/> (null = lost).</summary>
    public static List<Arrival> Send(int count, Func<long, double?> delayMs)
    {
        var arrivals = new List<Arrival>();
        for (long seq = 0; seq < count; seq++)
        {
            var delay = delayMs(seq);
            if (delay is { } d)
            {
                arrivals.Add(new Arrival(seq, seq * FrameMs + (long)Math.Round(d)));
            }
        }
        return arrivals;
    }

    /// <summary>Runs the media clock (phase 7 ms off the sender's) until every arrival has been offered and played out.</summary>
    public void Run(IEnumerable<Arrival> arrivals, int extraTicks = 20)
    {
        var queue = arrivals.OrderBy(a => a.AtMs).ToList();
        var payload = new byte[JitterBuffer.MaxPayloadBytes];
        var output = new byte[JitterBuffer.MaxPayloadBytes];
        var index = 0;
        var lastArrival = queue.Count == 0 ? 0 : queue[^1].AtMs;
        for (long now = 7; now <= lastArrival + extraTicks * FrameMs; now += FrameMs)
        {
            while (index < queue.Count && queue[index].AtMs <= now)
            {
                var a = queue[index++];
                BinaryPrimitives.WriteInt64BigEndian(payload, a.Sequence);
                Buffer.Insert(a.Sequence, (uint)(a.Sequence * 160), payload.AsSpan(0, 8), a.AtMs);
            }
            var kind = Buffer.Take(now, output, out var length);
            Played.Add((kind, kind == JitterBufferFrame.Packet && length == 8 ? BinaryPrimitives.ReadInt64BigEndian(output) : -1));
            Slips.Add(Buffer.PlayoutSlip);
        }
    }

    /// <summary>Sequence numbers played from real packets, in playout order.</summary>
    public List<long> PlayedSequences => Played.Where(p => p.Kind == JitterBufferFrame.Packet).Select(p => p.Sequence).ToList();

    /// <summary>The longest run of concealed frames (lost or underrun) between the first and last real packet.</summary>
    public int LongestConcealedRun
    {
        get
        {
            int longest = 0, run = 0;
            var last = Played.FindLastIndex(p => p.Kind == JitterBufferFrame.Packet);
            foreach (var (kind, _) in Played.Take(last + 1).SkipWhile(p => p.Kind != JitterBufferFrame.Packet))
            {
                run = kind is JitterBufferFrame.Lost or JitterBufferFrame.Underrun ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
            return longest;
        }
    }

    /// <summary>Concealed frames between the first and the last real packet played (not counting the tail).</summary>
    public int ConcealedWhilePlaying
    {
        get
        {
            var first = Played.FindIndex(p => p.Kind == JitterBufferFrame.Packet);
            var last = Played.FindLastIndex(p => p.Kind == JitterBufferFrame.Packet);
            return first < 0 ? 0 : Played.Skip(first).Take(last - first).Count(p => p.Kind is JitterBufferFrame.Lost or JitterBufferFrame.Underrun);
        }
    }

    public static int LongestRun(IEnumerable<bool> lost)
    {
        int longest = 0, run = 0;
        foreach (var l in lost)
        {
            run = l ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
