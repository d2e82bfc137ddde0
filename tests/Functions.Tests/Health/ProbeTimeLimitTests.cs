using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Health;

/// <summary>The health probes' time limit runs on the injected clock (TimeProvider), not on a wall-clock timer of its own.</summary>
public sealed class ProbeTimeLimitTests
{
    [SkippableFact]
    public async Task MediaHost_that_never_answers_is_reported_down_once_the_injected_clock_passes_the_probe_time_limit()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0); // accepts connections, never answers
        silent.Start();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await ControlPlaneRig.StartAsync(s =>
        {
            s["Health:MediaHostHealthUrl"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/health";
            s["Health:ProbeTimeoutSeconds"] = "30";
        }, time: clock);

        var probe = rig.Get<HealthChecker>().CheckMediaHostAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(probe.IsCompleted); // no wall-clock timer fires: only the injected clock ends the wait
        clock.Advance(TimeSpan.FromSeconds(30));

        var health = await probe.WaitAsync(TimeSpan.FromSeconds(10)); // well before the 30 s a wall-clock limit would take
        Assert.Equal(HealthStatus.Down, health.Status);
        Assert.Equal("no answer within 30 s", health.Detail);
    }
}
