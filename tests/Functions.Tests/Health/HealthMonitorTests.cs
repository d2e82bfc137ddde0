using System.Text.Json;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Functions.Tests.Support.ControlPlaneRig;

namespace VoiceFunctions.Functions.Tests.Health;

/// <summary>The HealthCheck timer's work against the loopback LiveKit API test server: healthy, down, slow.</summary>
public sealed class HealthMonitorTests
{
    [SkippableFact]
    public async Task Healthy_system_reports_every_component_healthy_and_sends_no_alert()
    {
        await using var rig = await ControlPlaneRig.StartAsync(NoOutboundTrunk);
        await rig.SeedSipSetupAsync();
        rig.Services.GetType(); // rig ready

        var report = await rig.Get<HealthMonitor>().RunAsync(CancellationToken.None).DefaultTimeout();

        Assert.True(report.Overall == HealthStatus.Healthy, string.Join(" | ", report.Components));
        Assert.Equal([HealthChecker.LiveKit, HealthChecker.Sip, HealthChecker.MediaHost, HealthChecker.Storage], report.Components.Select(c => c.Name));
        Assert.Contains("1 inbound trunk(s), 1 dispatch rule(s)", report.Component(HealthChecker.Sip)!.Detail);
        Assert.Empty(rig.Alerts);
        Assert.Equal(report.CheckedAt, (await rig.Get<HealthSnapshotStore>().GetLatestAsync(CancellationToken.None))!.CheckedAt);
    }

    [SkippableFact]
    public async Task Missing_sip_setup_is_reported_as_degraded_with_what_is_missing()
    {
        await using var rig = await ControlPlaneRig.StartAsync(s => s["AgentDispatch:OutboundTrunkId"] = "ST_gone");

        var report = await rig.Get<HealthMonitor>().RunAsync(CancellationToken.None).DefaultTimeout();

        var sip = report.Component(HealthChecker.Sip)!;
        Assert.Equal(HealthStatus.Degraded, sip.Status);
        Assert.Contains("no inbound trunk", sip.Detail);
        Assert.Contains("ST_gone is missing", sip.Detail);
        Assert.Single(rig.Alerts);
    }

    [SkippableFact]
    public async Task LiveKit_outage_alerts_once_and_its_end_sends_one_recovery_message()
    {
        // The client's circuit breaker would keep failing fast after the outage; here it stays closed so the
        // recovery is seen on the next check.
        await using var rig = await ControlPlaneRig.StartAsync(s => { NoOutboundTrunk(s); s["LiveKit:Resilience:CircuitBreakerMinimumThroughput"] = "1000"; });
        await rig.SeedSipSetupAsync();
        var monitor = rig.Get<HealthMonitor>();
        await monitor.RunAsync(CancellationToken.None).DefaultTimeout();

        // LiveKit answers 503 to everything for three checks.
        rig.LiveKit.Faults.FailNextWithStatus(LiveKitApiMethods.ListRooms, 3, 503);
        rig.LiveKit.Faults.FailNextWithStatus(LiveKitApiMethods.ListSipInboundTrunk, 3, 503);
        var down = new List<HealthReport>();
        for (var i = 0; i < 3; i++)
        {
            down.Add(await monitor.RunAsync(CancellationToken.None).DefaultTimeout());
        }
        var alertsDuringOutage = rig.Alerts.Count;
        var healthyAgain = await monitor.RunAsync(CancellationToken.None).DefaultTimeout();
        // A later healthy check still carries the outage in its error-rate window, so wait it out.
        for (var i = 0; i < 12 && rig.Alerts.Count == alertsDuringOutage; i++)
        {
            healthyAgain = await monitor.RunAsync(CancellationToken.None).DefaultTimeout();
        }

        Assert.All(down, r => Assert.Equal(HealthStatus.Down, r.Component(HealthChecker.LiveKit)!.Status));
        Assert.Equal(1, alertsDuringOutage);
        Assert.Equal(HealthStatus.Healthy, healthyAgain.Overall);
        var messages = rig.Alerts.Select(a => JsonDocument.Parse(a.Body).RootElement).ToList();
        Assert.Equal(["alert", "recovery"], messages.Select(m => m.GetProperty("kind").GetString()));
        Assert.Contains("livekit down", messages[0].GetProperty("summary").GetString());
        Assert.Equal("application/json; charset=utf-8", rig.Alerts[0].ContentType);
    }

    [SkippableFact]
    public async Task Unreachable_LiveKit_is_down_with_the_connection_failure_named()
    {
        await using var rig = await ControlPlaneRig.StartAsync(livekitUrl: $"http://127.0.0.1:{FreePort.Next()}");

        var report = await rig.Get<HealthMonitor>().RunAsync(CancellationToken.None).DefaultTimeout();

        var livekit = report.Component(HealthChecker.LiveKit)!;
        Assert.Equal(HealthStatus.Down, livekit.Status);
        Assert.Contains(nameof(LiveKitConnectionException), livekit.Detail);
        Assert.Equal(HealthStatus.Down, report.Overall);
        Assert.Single(rig.Alerts);
    }

    [SkippableFact]
    public async Task Slow_LiveKit_is_degraded_and_alerts()
    {
        await using var rig = await ControlPlaneRig.StartAsync(s => { NoOutboundTrunk(s); s["Health:LatencyThresholdMs"] = "300"; });
        await rig.SeedSipSetupAsync();
        rig.LiveKit.Faults.DelayNext(LiveKitApiMethods.ListRooms, 1, TimeSpan.FromSeconds(1.5));

        var report = await rig.Get<HealthMonitor>().RunAsync(CancellationToken.None).DefaultTimeout();

        var livekit = report.Component(HealthChecker.LiveKit)!;
        Assert.Equal(HealthStatus.Degraded, livekit.Status);
        Assert.True(livekit.LatencyMs >= 1400, $"measured {livekit.LatencyMs} ms");
        Assert.Contains("slow", livekit.Detail);
        Assert.Single(rig.Alerts);
    }
}
