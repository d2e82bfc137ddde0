using VoiceFunctions.MediaHost.Media;
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
internal sealed class PhasedRtpStreamer(RtpBatchSocket socket, IReadOnlyList<(int HostPort, uint Ssrc)> calls, int seconds, int warmUpSeconds)
{
    private const int PacketsPerSecond = 50;
    private const int SamplesPerPacket = 160;
    private const double LateMs = 10;

    private readonly LatenessHistogram _sendLateness = new(maxMilliseconds: 2000, bucketsPerMillisecond: 10);
    private readonly LatenessHistogram _readLag = new(maxMilliseconds: 2000, bucketsPerMillisecond: 10);
    // Room for every packet the host can send in the window, with margin for its catch-up bursts.
    private readonly WireTimeline _wire = new(calls.Count, calls.Count * (Math.Max(1, seconds - warmUpSeconds) + 2) * PacketsPerSecond);
    private readonly int[] _callByHostPort = CallByPort(calls);
    private long _unknown;
    private readonly int[] _unknownPorts = new int[3];
    private long _received;
    private bool _measuring;

    public void Run(CancellationToken cancellationToken)
    {
        var realtime = RealtimeScheduling.Requested ? RealtimeScheduling.TryEnableForCurrentThread() ?? "on" : "off";
        var payload = new byte[SamplesPerPacket];
        MuLaw.Encode(Enumerable.Range(0, SamplesPerPacket).Select(i => (short)(6000 * Math.Sin(2 * Math.PI * 1000 * i / 8000))).ToArray(), payload);
        var frequency = Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp() + frequency / 100;   // 10 ms ahead: the first call's first packet is due on time
        var schedule = new StreamSchedule(start, frequency / PacketsPerSecond, calls.Count);
        var total = (long)calls.Count * seconds * PacketsPerSecond;
        var windowOpensAt = start + warmUpSeconds * frequency;
        (long Wall, Environment.ProcessCpuUsage Cpu, long Sent, long Received, long Calls) window = default;
        long next = 0;
        while (next < total && !cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (!_measuring && now >= windowOpensAt)
            {
                _measuring = true;
                Console.WriteLine("MEASURING");
                window = (now, Environment.CpuUsage, next, _received, socket.SystemCalls);
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
                if (_measuring)
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
        _wire.Finish();
        Console.WriteLine(Done(window, end, Environment.CpuUsage, next) + $" realtime={realtime.Replace(' ', '_')}");
    }

    private void Drain()
    {
        int n;
        do
        {
            n = socket.Receive();
            var readNs = n > 0 && _measuring ? UnixNowNs() : 0;
            for (var i = 0; i < n; i++)
            {
                _received++;
                var port = socket.SourcePorts[i];
                var call = _callByHostPort[port];
                var datagram = socket.Payload(i);
                if (call < 0 || datagram.Length < RtpHeader.FixedLength)
                {
                    if (_unknown < _unknownPorts.Length)
                    {
                        _unknownPorts[_unknown] = port;
                    }
                    _unknown++;
                    continue;
                }
                _wire.OnPacket(call, BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]), socket.ArrivalNs[i]);
                if (readNs != 0)
                {
                    _readLag.Record((readNs - socket.ArrivalNs[i]) / 1e6);
                }
            }
        }
        while (n == socket.ArrivalNs.Length);
    }

    private string Done((long Wall, Environment.ProcessCpuUsage Cpu, long Sent, long Received, long Calls) window, long end, Environment.ProcessCpuUsage cpu, long sent)
    {
        var wallMs = Math.Max(1, (end - window.Wall) * 1000.0 / Stopwatch.Frequency);
        var user = (cpu.UserTime - window.Cpu.UserTime).TotalMilliseconds;
        var system = (cpu.PrivilegedTime - window.Cpu.PrivilegedTime).TotalMilliseconds;
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
            $"gaps={missing} callsWithGaps={callsWithGaps} minReceivedPerCall={(n == 0 ? 0 : minReceived)} unknownSender={_unknown} unknownPorts={string.Join(',', _unknownPorts.Take((int)Math.Min(_unknown, _unknownPorts.Length)))} " +
            $"untimed={_wire.Untimed} readLagP99Ms={_readLag.Percentile(99):F1} readLagMaxMs={_readLag.MaxMs:F1} sendLateP99Ms={_sendLateness.Percentile(99):F1} sendLateMaxMs={_sendLateness.MaxMs:F1} " +
            $"rtpSyscallsPerSecond={(socket.SystemCalls - window.Calls) * 1000 / wallMs:F0} " +
            $"cpuPerCallPct={(user + system) / wallMs * 100 / Math.Max(1, n):F4} cpuUserMs={user:F0} cpuSystemMs={system:F0} windowMs={wallMs:F0}");
    }

    // The kernel stamps arrivals with the real-time clock; the time a packet is read, on the same clock.
    internal static long UnixNowNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

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
