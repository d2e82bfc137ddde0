using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// Streams 20 ms PCMU packets to every established call the way independent phones would: each call on its own
/// phase of the 20 ms period (<see cref="StreamSchedule"/>), marker on its first packet, sequence number and
/// timestamp advancing per packet. Every 1 ms step sends all packets that came due in one <c>sendmmsg</c> and drains
/// what the host sent back in <c>recvmmsg</c> batches, attributing each packet to its call by the sender's port
/// (the call's RTP port from the host's SDP answer) and timing it on the wire (<see cref="WireTimeline"/>).
/// Prints MEASURING when the window opens (after the warm-up) and DONE with the window's figures.
/// </summary>
internal sealed class PhasedRtpStreamer(RtpBatchSocket socket, IReadOnlyList<(int HostPort, uint Ssrc)> calls)
{
    private const int PacketsPerSecond = 50;
    private const int SamplesPerPacket = 160;
    private const double LateMs = 10;

    private readonly LatenessCounts _sendLateness = new();
    private readonly WireTimeline _wire = new(calls.Count);
    private readonly int[] _callByHostPort = CallByPort(calls);
    private long _unknown;
    private long _received;

    public void Run(int seconds, int warmUpSeconds, CancellationToken cancellationToken)
    {
        var payload = new byte[SamplesPerPacket];
        MuLaw.Encode(Enumerable.Range(0, SamplesPerPacket).Select(i => (short)(6000 * Math.Sin(2 * Math.PI * 1000 * i / 8000))).ToArray(), payload);
        var frequency = Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp() + frequency / 100;   // 10 ms ahead: the first call's first packet is due on time
        var schedule = new StreamSchedule(start, frequency / PacketsPerSecond, calls.Count);
        var total = (long)calls.Count * seconds * PacketsPerSecond;
        var windowOpensAt = start + warmUpSeconds * frequency;
        var process = Process.GetCurrentProcess();
        (long Wall, TimeSpan User, TimeSpan System, long Sent, long Received, long Calls) window = default;
        var measuring = false;
        long next = 0;
        while (next < total && !cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (!measuring && now >= windowOpensAt)
            {
                measuring = true;
                Console.WriteLine("MEASURING");
                process.Refresh();
                window = (now, process.UserProcessorTime, process.PrivilegedProcessorTime, next, _received, socket.SystemCalls);
                _wire.StartWindow();
            }
            for (; next < total && schedule.Due(next) <= now; next++)
            {
                var call = schedule.CallOf(next);
                var k = schedule.IndexInCall(next);
                var packet = socket.Queue(calls[call].HostPort);
                var length = new RtpHeader(k == 0, 0, (ushort)k, (uint)(k * SamplesPerPacket), calls[call].Ssrc).WriteTo(packet);
                payload.CopyTo(packet[length..]);
                socket.Commit(length + payload.Length);
                if (measuring)
                {
                    _sendLateness.Record((now - schedule.Due(next)) * 1000.0 / frequency);
                }
            }
            socket.Flush();
            Drain();
            Thread.Sleep(1);
        }
        Drain();
        var end = Stopwatch.GetTimestamp();
        process.Refresh();
        Console.WriteLine(Done(window, end, process, next));
    }

    private void Drain()
    {
        int n;
        do
        {
            n = socket.Receive();
            for (var i = 0; i < n; i++)
            {
                _received++;
                var port = socket.SourcePorts[i];
                var call = _callByHostPort[port];
                var datagram = socket.Payload(i);
                if (call < 0 || datagram.Length < RtpHeader.FixedLength)
                {
                    _unknown++;
                    continue;
                }
                _wire.OnPacket(call, BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]), socket.ArrivalNs[i]);
            }
        }
        while (n == socket.ArrivalNs.Length);
    }

    private string Done((long Wall, TimeSpan User, TimeSpan System, long Sent, long Received, long Calls) window, long end, Process process, long sent)
    {
        var wallMs = Math.Max(1, (end - window.Wall) * 1000.0 / Stopwatch.Frequency);
        var user = (process.UserProcessorTime - window.User).TotalMilliseconds;
        var system = (process.PrivilegedProcessorTime - window.System).TotalMilliseconds;
        var n = calls.Count;
        var lateness = _wire.Lateness;
        long missing = 0, callsWithGaps = 0, minReceived = long.MaxValue;
        for (var call = 0; call < n; call++)
        {
            missing += _wire.Missing(call);
            callsWithGaps += _wire.Missing(call) > 0 ? 1 : 0;
            minReceived = Math.Min(minReceived, _wire.Received(call));
        }
        var f = CultureInfo.InvariantCulture;
        return string.Create(f,
            $"DONE sent={sent - window.Sent} received={_received - window.Received} " +
            $"wireP50Ms={lateness.Percentile(50):F1} wireP99Ms={lateness.Percentile(99):F1} wireMaxMs={lateness.MaxMs:F1} " +
            $"wireOver10msPct={100.0 * lateness.CountAbove(LateMs) / Math.Max(1, lateness.Count):F3} wirePackets={lateness.Count} " +
            $"gaps={missing} callsWithGaps={callsWithGaps} minReceivedPerCall={(n == 0 ? 0 : minReceived)} unknownSender={_unknown} " +
            $"sendLateP99Ms={_sendLateness.Percentile(99):F1} sendLateMaxMs={_sendLateness.MaxMs:F1} " +
            $"rtpSyscallsPerSecond={(socket.SystemCalls - window.Calls) * 1000 / wallMs:F0} " +
            $"cpuPerCallPct={(user + system) / wallMs * 100 / Math.Max(1, n):F4} cpuUserMs={user:F0} cpuSystemMs={system:F0} windowMs={wallMs:F0}");
    }

    private static int[] CallByPort(IReadOnlyList<(int HostPort, uint Ssrc)> calls)
    {
        var byPort = new int[65536];
        Array.Fill(byPort, -1);
        for (var i = 0; i < calls.Count; i++)
        {
            byPort[calls[i].HostPort] = i;
        }
        return byPort;
    }
}
