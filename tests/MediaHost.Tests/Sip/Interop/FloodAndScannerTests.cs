using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>The open internet, in small: garbage floods, scanners from unlisted sources, a flooding source.</summary>
/// <remarks>
/// In the measurement collection: a burst of 10,000 datagrams is only received when the server's receive loop gets a
/// core, so it must not share the machine with the parallel tests (the recogniser, front-end and VAD tests fill both).
/// </remarks>
[Trait("Category", "Interop")]
[Collection(MeasurementCollection.Name)]
public sealed class FloodAndScannerTests
{
    [Fact]
    public async Task Ten_thousand_garbage_datagrams_leave_memory_flat_and_the_server_answering()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var probe = new UdpProbe();
        probe.Send(probe.Options("warm-up"), server.Endpoint);
        Assert.NotNull(await probe.ReceiveAsync(TimeSpan.FromSeconds(10)));
        // The first flood pays what a process pays once (first use of the paths it takes, pools) and, in the full suite,
        // shares the process with whatever earlier tests left behind: measured alone it grew < 4 MB, in two full runs
        // 6.7 and 9.1 MB (not reproduced alone or with any one folder of tests). Memory must stay flat through the second
        // flood: growth per datagram would show in both.
        var (warmUpGrowth, warmUpSeen) = await FloodAsync(server, probe, new Random(42));
        var (growth, seen) = await FloodAsync(server, probe, new Random(43));

        Assert.True(growth < 4 * 1024 * 1024, $"memory grew by {growth / 1024} KiB after {seen} garbage datagrams (the warm-up flood before: {warmUpGrowth / 1024} KiB after {warmUpSeen})");
        Assert.True(seen >= 9_000, $"only {seen} of 10,000 garbage datagrams reached the server");
        probe.Send(probe.Options("after-flood"), server.Endpoint);
        var answer = await probe.ReceiveAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(answer);
        Assert.StartsWith("SIP/2.0 200 OK", answer);
    }

    /// <summary>10,000 garbage datagrams in bursts; the managed memory they left behind and how many reached the server.</summary>
    private static async Task<(long Growth, long Seen)> FloodAsync(LoopbackSipServer server, UdpProbe probe, Random random)
    {
        var garbage = new byte[1400];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var start = server.Metrics.Get("sip_malformed_total");
        // Sent in bursts of 50 (with the kernel's per-datagram overhead well inside the default socket buffer) and each
        // burst waits until the server has worked through what the kernel delivered: on a busy CI machine one
        // 10,000-datagram burst overflows the receive buffer before the server's loop gets a core, and the test then
        // proves nothing about 10,000 datagrams.
        long seen = 0;
        for (var burst = 0; burst < 200; burst++)
        {
            for (var i = 0; i < 50; i++)
            {
                var length = random.Next(1, garbage.Length);
                random.NextBytes(garbage.AsSpan(0, length));
                probe.Send(garbage[..length], server.Endpoint);
            }
            seen = await CountWhenSettledAsync(server.Metrics, expected: start + (burst + 1) * 50) - start;
        }
        return (GC.GetTotalMemory(forceFullCollection: true) - before, seen);
    }

    /// <summary>The malformed count once it reaches <paramref name="expected"/> or stops moving for 300 ms.</summary>
    private static async Task<long> CountWhenSettledAsync(SipMetrics metrics, long expected)
    {
        var quiet = Stopwatch.StartNew();
        var last = metrics.Get("sip_malformed_total");
        while (last < expected && quiet.Elapsed < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(10);
            var now = metrics.Get("sip_malformed_total");
            if (now != last)
            {
                last = now;
                quiet.Restart();
            }
        }
        return last;
    }

    private static async Task<string> SvmapAsync(int port)
    {
        var svmap = RequiredTool.Command("svmap", "the Debian package sipvicious (scripts/install-test-deps.sh)");
        var info = new ProcessStartInfo(svmap) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { "127.0.0.1", "-p", port.ToString(), "-b", "127.0.0.1", "-t", "0.5" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return await output + await error;
    }

    [SkippableFact]
    public async Task Svmap_from_an_unlisted_source_learns_nothing_while_a_listed_one_finds_us()
    {
        var closed = new InboundPolicy(new InboundPolicyOptions { AllowedNetworks = ["192.0.2.0/24"] }, TimeProvider.System, NullLogger.Instance);
        using (var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(), policy: closed))
        {
            var output = await SvmapAsync(server.Endpoint.Port);
            Assert.Contains("found nothing", output);
            Assert.DoesNotContain("VoiceFunctions", output);
            Assert.True(server.Metrics.Get("sip_rejected_sources_total") > 0);
        }
        var open = new InboundPolicy(new InboundPolicyOptions { AllowedNetworks = ["127.0.0.0/8"] }, TimeProvider.System, NullLogger.Instance);
        using (var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(), policy: open))
        {
            var output = await SvmapAsync(server.Endpoint.Port);
            Assert.Contains($"127.0.0.1:{server.Endpoint.Port}", output);
        }
    }

    [Fact]
    public async Task A_flooding_source_is_banned_and_then_gets_silence()
    {
        var policy = new InboundPolicy(new InboundPolicyOptions { MaxRequestsPerMinute = 20 }, TimeProvider.System, NullLogger.Instance);
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(), policy: policy);
        using var probe = new UdpProbe();
        for (var i = 0; i < 60; i++)
        {
            probe.Send(probe.Options("flood-" + i), server.Endpoint);
        }
        var stopwatch = Stopwatch.StartNew();
        while (!policy.IsBanned(System.Net.IPAddress.Loopback) && stopwatch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }
        Assert.True(policy.IsBanned(System.Net.IPAddress.Loopback));
        var answers = 0;
        while (await probe.ReceiveAsync(TimeSpan.FromSeconds(1)) is not null)
        {
            answers++;
        }
        Assert.Equal(20, answers);
        probe.Send(probe.Options("while-banned"), server.Endpoint);
        Assert.Null(await probe.ReceiveAsync(TimeSpan.FromSeconds(1)));
    }
}
