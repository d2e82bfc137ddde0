using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.Benchmarks.Media.Load;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>
/// Capacity run: the MediaHost's SIP stack and real RTP media path (real UDP on loopback, jitter buffer, G.711
/// decode and encode, 16 kHz frames to an audio loop doing VAD-sized work and answering every frame) with CALLS
/// concurrent calls placed by <see cref="SipRtpLoadGenerator"/> in a child process, 20 ms packets both ways. The
/// host admits CALLS calls (MaxConcurrentCalls); while they stream, the generator tries CALLS / 2 more, which must
/// get 503. Over the measurement window (after a warm-up) it reports late frames, CPU and memory per call, and the
/// added delay both ways.
/// Late frames: an outgoing frame handled more than <see cref="MediaClock.LateThresholdMs"/> ms after its 20 ms slot,
/// and an incoming frame played as concealment (or dropped to cut delay) although no packet was lost on the wire.
/// Added delay out is the path's own share (frame written, or its slot opened if the audio loop wrote it ahead of the
/// clock → its packet on the wire); the wait of frames the audio loop queued ahead of the clock is reported beside it.
/// Usage: dotnet run -c Release --project bench/Benchmarks -- media-capacity CALLS SECONDS
/// </summary>
public static class MediaCapacityRun
{
    public static async Task<int> RunAsync(int calls, int seconds)
    {
        var extra = calls / 2;
        MediaPathWarmUp.Run(); // as the service does before its first INVITE: no codec path is compiled in the first calls' ticks
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        // As the service: a tick thread per core, its calls ticked in RtpOptions.ClockPhases groups (CLOCK_PHASES overrides, to compare).
        var phases = int.TryParse(Environment.GetEnvironmentVariable("CLOCK_PHASES"), out var p) ? p : RtpOptions.DefaultClockPhases;
        using var jitLog = Environment.GetEnvironmentVariable("JIT_LIST") == "1" ? new JitWindowLog() : null;
        var clock = new MediaClock(TimeProvider.System, threads: Environment.ProcessorCount, phases: phases);
        clock.Start();
        var metrics = new MediaMetrics();
        // RTP_RECEIVE_LOOPS (Rtp:ReceiveLoops): 0 one epoll loop per core (default, as the host), N loops, -1 a thread per socket.
        using var receiveLoops = new DatagramReceiveLoops(int.TryParse(Environment.GetEnvironmentVariable("RTP_RECEIVE_LOOPS"), out var n) ? n : RtpOptions.DefaultReceiveLoops);
        Console.Error.WriteLine($"  receive loops: {receiveLoops.LoopCount} (0: a thread per socket)");
        var basePort = 20000 + 2 * Random.Shared.Next(0, 5000);
        var options = new RtpOptions { PortMin = basePort, PortMax = basePort + 2 * (calls + extra) + 200 };
        var media = new RecordingSessionFactory(new RtpMediaSessionFactory(UdpDatagramSocket.FactoryOn(receiveLoops), IPAddress.Loopback, options, clock, TimeProvider.System, metrics));
        // FRONT_END=0 leaves the agent's audio front-end out (the media path alone, as before issue 16); on by default.
        var frontEnd = Environment.GetEnvironmentVariable("FRONT_END") != "0";
        Console.Error.WriteLine($"  audio front-end: {(frontEnd ? "on (speexdsp, every frame)" : "off")}");
        var handler = new CapacityCallHandler(echoEveryFrame: Environment.GetEnvironmentVariable("ECHO_EVERY_FRAME") == "1", frontEnd);
        using var transport = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), SipLimits.Default, NullLogger.Instance);
        using var agent = new SipUserAgent(new SipUserAgentOptions { MaxConcurrentCalls = calls }, [transport], media, new SipCallAnswering(handler, NullLogger.Instance),
            AllowAllPolicy.Instance, TimeProvider.System, NullLogger.Instance);
        agent.Start();

        var generator = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (var arg in new[] { typeof(MediaCapacityRun).Assembly.Location, "media-capacity-generator",
                     transport.LocalEndpoint.Port.ToString(), calls.ToString(), extra.ToString(), seconds.ToString() })
        {
            generator.ArgumentList.Add(arg);
        }
        using var child = Process.Start(generator)!;
        var process = Process.GetCurrentProcess();
        Window start = default, end = default;
        long memoryEstablished = 0, workingSet = 0;
        string established = "", overload = "", done = "", ended = "";
        (TimeSpan Pause, int Gen0, int Gen1, int Gen2) gcAtStart = default, gcAtEnd = default;
        (long Methods, TimeSpan Time) jitAtStart = default, jitAtEnd = default;
        (long WorkItems, long Allocated) workAtStart = default, workAtEnd = default;
        // How far the clock falls behind its timeline, sampled every 50 ms in the window: when a stall happens and how long catching up takes.
        Stopwatch? lagWatch = null;
        double maxLagMs = 0, maxLagAtS = 0, behindMs = 0;
        // Where a start-up transient comes from: the worst lag per second of the window, and at the worst moment the
        // thread pool's threads and queue; JIT work, GC pauses and the overload INVITEs' moment beside them.
        var lagBySecond = new double[seconds + 5];
        string atWorst = "";
        long queuePeak = 0; // the thread pool's queue at its longest in the window (sampled every 50 ms)
        double overloadAtS = -1;
        var lagSampler = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(50);
                if (lagWatch is { } watch)
                {
                    var lagMs = clock.LagMilliseconds;
                    behindMs += lagMs > 100 ? 50 : 0;
                    var second = Math.Min((int)watch.Elapsed.TotalSeconds, lagBySecond.Length - 1);
                    lagBySecond[second] = Math.Max(lagBySecond[second], lagMs);
                    queuePeak = Math.Max(queuePeak, ThreadPool.PendingWorkItemCount);
                    if (lagMs > maxLagMs)
                    {
                        (maxLagMs, maxLagAtS) = (lagMs, watch.Elapsed.TotalSeconds);
                        atWorst = $"thread pool {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued; GC gen0/1/2 so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
                    }
                }
            }
        }) { IsBackground = true };
        lagSampler.Start();
        long echoesDroppedAtStart = 0, echoesDropped = 0;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.Error.WriteLine($"  generator: {line}");
            switch (line.Split(' ')[0])
            {
                case "ESTABLISHED":
                    established = line;
                    break;
                case "MEASURING":
                    clock.FrameLateness.Reset();
                    metrics.InboundDelay.Reset();
                    metrics.OutboundDelay.Reset();
                    metrics.OutboundQueuedAhead.Reset();
                    echoesDroppedAtStart = handler.EchoesDropped;
                    start = Window.Take(process, clock, media);
                    workingSet = Environment.WorkingSet;
                    gcAtStart = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                    jitAtStart = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
                    lagWatch = Stopwatch.StartNew();
                    jitLog?.Open();
                    workAtStart = (ThreadPool.CompletedWorkItemCount, GC.GetTotalAllocatedBytes());
                    break;
                case "OVERLOAD":
                    overload = line;
                    overloadAtS = lagWatch?.Elapsed.TotalSeconds ?? -1;
                    break;
                case "DONE":
                    end = Window.Take(process, clock, media);
                    gcAtEnd = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                    jitAtEnd = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
                    lagWatch = null;
                    jitLog?.Close();
                    workAtEnd = (ThreadPool.CompletedWorkItemCount, GC.GetTotalAllocatedBytes());
                    echoesDropped = handler.EchoesDropped - echoesDroppedAtStart;
                    done = line;
                    // Measured once the window has closed, the calls still up: a forced full collection stops every
                    // thread (here ~1 s at 500 calls), which at ESTABLISHED stalled the clock into the measurement window.
                    memoryEstablished = GC.GetTotalMemory(forceFullCollection: true);
                    break;
                case "ENDED":
                    ended = line;
                    break;
            }
        }
        await child.WaitForExitAsync();

        var wallMs = (end.Wall - start.Wall) * 1000.0 / Stopwatch.Frequency;
        var cpuPercentPerCall = (end.Cpu - start.Cpu).TotalMilliseconds / wallMs * 100 / calls;
        var outFrames = clock.FrameLateness.Count;
        var outLate = end.LateFrames - start.LateFrames;
        var inFrames = (end.Played - start.Played) + (end.Concealed - start.Concealed);
        var inLate = (end.Concealed - start.Concealed) + (end.Dropped - start.Dropped);
        var latePercent = 100.0 * (outLate + inLate) / Math.Max(1, outFrames + inFrames);
        var generatorReport = GeneratorReport.Parse(done);
        Console.WriteLine($"calls {calls}, window {wallMs / 1000:F1} s, {established}, {overload}, {done}, {ended}");
        Console.WriteLine(generatorReport.Details);
        Console.WriteLine($"out: {outFrames} frames, {outLate} late (> {MediaClock.LateThresholdMs} ms), frame lateness p50 {clock.FrameLateness.Percentile(50)} / p99 {clock.FrameLateness.Percentile(99)} / max {clock.FrameLateness.MaxMs:F0} ms; skipped ticks {end.Skipped - start.Skipped}");
        var sentFrames = metrics.OutboundDelay.Count;
        var ahead = metrics.OutboundQueuedAhead;
        Console.WriteLine($"out delay: {sentFrames} audio frames sent, own share p50 {metrics.OutboundDelay.Percentile(50)} / p95 {metrics.OutboundDelay.Percentile(95)} / p99 {metrics.OutboundDelay.Percentile(99)} / max {metrics.OutboundDelay.MaxMs:F0} ms; " +
            $"{ahead.Count} written ahead of their slot, waited p50 {ahead.Percentile(50)} / p95 {ahead.Percentile(95)} / max {ahead.MaxMs:F0} ms; {echoesDropped} frames heard but not echoed (the loop had fallen behind)");
        Console.WriteLine($"clock lag: max {maxLagMs:F0} ms at {maxLagAtS:F1} s into the window, {behindMs / 1000:F1} s of the window more than 100 ms behind; " +
            $"GC in the window: {(gcAtEnd.Pause - gcAtStart.Pause).TotalMilliseconds:F0} ms paused, collections gen0 {gcAtEnd.Gen0 - gcAtStart.Gen0} / gen1 {gcAtEnd.Gen1 - gcAtStart.Gen1} / gen2 {gcAtEnd.Gen2 - gcAtStart.Gen2}");
        Console.WriteLine($"transient: worst lag per second of the window [{string.Join(" ", lagBySecond.Take((int)Math.Ceiling(wallMs / 1000)).Select(l => l.ToString("F0")))}] ms; " +
            $"at the worst moment {atWorst}; thread-pool queue peak {queuePeak}; overload INVITEs answered at {overloadAtS:F1} s; JIT in the window: {jitAtEnd.Methods - jitAtStart.Methods} methods, " +
            $"{(jitAtEnd.Time - jitAtStart.Time).TotalMilliseconds:F0} ms");
        // Per call-frame (one call's 20 ms tick), so they compare across loads: a starved run does fewer frames, not cheaper ones.
        var callFrames = Math.Max(1, outFrames);
        Console.WriteLine($"per call-frame in the window: {(double)(workAtEnd.WorkItems - workAtStart.WorkItems) / callFrames:F2} thread-pool work items, " +
            $"{(double)(workAtEnd.Allocated - workAtStart.Allocated) / callFrames:F1} bytes allocated, {(end.Cpu - start.Cpu).TotalMicroseconds / callFrames:F1} µs host CPU");
        Console.WriteLine($"in: {inFrames} frames, {end.Concealed - start.Concealed} concealed, {end.Dropped - start.Dropped} dropped to cut delay, {end.Late - start.Late} late packets, {end.Lost - start.Lost} lost");
        Console.WriteLine($"| {calls} | {calls + extra} tried | {latePercent:F3} % ({outLate} + {inLate} of {outFrames + inFrames}) | {generatorReport.WireLateness} | {cpuPercentPerCall:F3} % | {generatorReport.CpuPerCall} | " +
            $"{(memoryEstablished - memoryBefore) / 1024.0 / calls:F0} KiB | {(workingSet - workingSetBefore) / 1024.0 / calls:F0} KiB | " +
            $"{metrics.InboundDelay.Percentile(50)} / {metrics.InboundDelay.Percentile(95)} ms | {metrics.OutboundDelay.Percentile(50)} / {metrics.OutboundDelay.Percentile(95)} ms | " +
            $"{100.0 * ahead.Count / Math.Max(1, sentFrames):F1} %, {ahead.Percentile(50)} / {ahead.Percentile(95)} ms | {overload["OVERLOAD ".Length..]} |");
        foreach (var group in jitLog?.Summary(40) ?? [])
        {
            Console.WriteLine($"jit in window: {group}");
        }
        await clock.DisposeAsync();
        return child.ExitCode;
    }

    private readonly record struct Window(long Wall, TimeSpan Cpu, long LateFrames, long Skipped, long Played, long Concealed, long Dropped, long Late, long Lost)
    {
        public static Window Take(Process process, MediaClock clock, RecordingSessionFactory media)
        {
            process.Refresh();
            long played = 0, concealed = 0, dropped = 0, late = 0, lost = 0;
            foreach (var session in media.Sessions)
            {
                if (session.Inbound?.JitterBuffer.Statistics is { } s)
                {
                    played += s.Played;
                    concealed += s.Concealed;
                    dropped += s.DroppedToReduceDelay;
                    late += s.Late;
                    lost += s.Lost;
                }
            }
            return new Window(Stopwatch.GetTimestamp(), process.TotalProcessorTime, clock.LateFrames, clock.SkippedTicks, played, concealed, dropped, late, lost);
        }
    }
}
