using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>
/// Load run: N concurrent G.711 calls on loopback UDP, each fed 50 packets/s by our own generator and echoing what
/// it hears (read frame, a VAD-sized energy computation, write frame), all driven by the real media clock. Reports
/// late ticks (work started more than one frame late), CPU per call, memory, and packets both ways.
/// Usage: dotnet run -c Release --project bench/Benchmarks -- media-load CALLS SECONDS
/// </summary>
public static class MediaLoadRun
{
    public static async Task<int> RunAsync(int calls, int seconds)
    {
        var clock = new MediaClock(TimeProvider.System, threads: Environment.ProcessorCount);
        var metrics = new MediaMetrics();
        var options = new RtpOptions { PortMin = 42000, PortMax = 42000 + 4 * calls + 100 };
        var factory = new RtpMediaSessionFactory(UdpDatagramSocket.Factory, IPAddress.Loopback, options, clock, TimeProvider.System, metrics, [MediaCodec.Pcmu]);
        var generators = new List<Socket>();
        var sessions = new List<RtpMediaSession>();
        using var stop = new CancellationTokenSource();
        var echoes = new List<Task>();
        for (var i = 0; i < calls; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            generators.Add(socket);
            var session = (RtpMediaSession)(factory.TryAllocate($"load-{i}") ?? throw new InvalidOperationException("port range exhausted"));
            session.Start(new NegotiatedMedia((IPEndPoint)socket.LocalEndPoint!, MediaCodec.Pcmu, 0, 101, 20, MediaDirection.SendReceive));
            sessions.Add(session);
            echoes.Add(EchoAsync(session, stop.Token));
        }
        clock.Start();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var memoryBefore = GC.GetTotalMemory(false);
        var wall = Stopwatch.StartNew();
        var (sent, received) = Generate(generators, sessions, seconds);
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var snapshot = metrics.Snapshot();
        var concealed = sessions.Sum(s => s.Inbound!.JitterBuffer.Statistics.Concealed);
        var played = sessions.Sum(s => s.Inbound!.JitterBuffer.Statistics.Played);
        var cpuPerCall = cpu.TotalMilliseconds / wall.Elapsed.TotalMilliseconds / calls * 100;
        Console.WriteLine($"| {calls} | {seconds} s | {clock.Ticks} | {clock.LateTicks} ({100.0 * clock.LateTicks / Math.Max(1, clock.Ticks):F3} %) | {clock.SkippedTicks} | " +
            $"{cpuPerCall:F3} % | {(GC.GetTotalMemory(false) - memoryBefore) / 1024.0 / calls:F1} KiB | {Environment.WorkingSet / 1024 / 1024} MiB | " +
            $"{sent} / {snapshot.PacketsReceived} | {snapshot.PacketsSent} / {received} | {concealed} / {played} |");
        stop.Cancel();
        foreach (var session in sessions)
        {
            await session.StopAsync();
        }
        await clock.DisposeAsync();
        generators.ForEach(g => g.Dispose());
        return 0;
    }

    private static async Task EchoAsync(RtpMediaSession session, CancellationToken cancellationToken)
    {
        var frame = new short[AudioFormat.SamplesPerFrame];
        try
        {
            while (await session.ReadFrameAsync(frame, cancellationToken))
            {
                long energy = 0;
                foreach (var s in frame)
                {
                    energy += s * s; // the per-frame work a VAD does
                }
                if (energy >= 0)
                {
                    await session.WriteFrameAsync(frame, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
        }
    }

    // Sends one PCMU packet per call every 20 ms on an absolute timeline and drains what comes back.
    private static (long Sent, long Received) Generate(List<Socket> sockets, List<RtpMediaSession> sessions, int seconds)
    {
        var packet = new byte[172];
        var pcm = Enumerable.Range(0, 160).Select(i => (short)(6000 * Math.Sin(2 * Math.PI * 1000 * i / 8000))).ToArray();
        MuLaw.Encode(pcm, packet.AsSpan(12));
        var targets = sessions.Select(s => s.LocalEndpoint.Serialize()).ToList();
        var buffer = new byte[1500];
        long sent = 0, received = 0;
        var start = Stopwatch.GetTimestamp();
        for (var tick = 0; tick < seconds * 50; tick++)
        {
            var due = start + tick * Stopwatch.Frequency / 50;
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }
            for (var i = 0; i < sockets.Count; i++)
            {
                new RtpHeader(tick == 0, 0, (ushort)tick, (uint)(tick * 160), (uint)(1000 + i)).WriteTo(packet);
                sockets[i].SendTo(packet, SocketFlags.None, targets[i]);
                sent++;
                while (sockets[i].Available > 0)
                {
                    sockets[i].Receive(buffer);
                    received++;
                }
            }
        }
        return (sent, received);
    }
}
