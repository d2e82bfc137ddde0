using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.MediaHosts;
using VoiceFunctions.Functions.Tests.Outbound;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.MediaHosts;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.LocalHost;

/// <summary>
/// A MediaHost's first two heartbeats at once (sent close together, or one retried) on the local host's real backend:
/// both find no monitor and start one. The double <see cref="SecondStartAfterFirstRunsClient"/> makes certain that the
/// second start reaches the provider only after the first monitor runs; it must not replace that monitor.
/// </summary>
public sealed class RacingHeartbeatsTests
{
    [SkippableFact]
    public async Task Two_first_heartbeats_at_once_start_one_monitor_and_the_second_is_raised_into_it()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        SecondStartAfterFirstRunsClient? gate = null;
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(plane.Settings),
            services: s => s.AddSingleton<IOrchestrationServiceClient>(sp => gate = new SecondStartAfterFirstRunsClient(sp.GetRequiredService<AzureStorageOrchestrationService>())));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = plane.NewHttpClient();
            var events = new AgentEventPoster(http, plane.EventsKey);
            var hostId = "mh-" + Guid.NewGuid().ToString("N")[..8];
            var startedAt = DateTimeOffset.UtcNow;
            MediaHostHeartbeat Beat() => new() { HostId = hostId, StartedAt = startedAt, SentAt = DateTimeOffset.UtcNow, IntervalSeconds = 5, Calls = [] };

            var answers = await Task.WhenAll(events.HeartbeatAsync(Beat()), events.HeartbeatAsync(Beat())).WaitAsync(TimeSpan.FromSeconds(90));

            var bodies = new List<string>();
            foreach (var answer in answers)
            {
                var body = await answer.Content.ReadAsStringAsync();
                Assert.True(answer.IsSuccessStatusCode, $"HTTP {(int)answer.StatusCode} {body}");
                bodies.Add(body);
            }
            var instanceId = MediaHostMonitor.InstanceId(hostId);
            Assert.Equal(2, gate!.Starts(instanceId)); // both found no monitor and started one: the race happened
            Assert.Equal(["raised", "started"], bodies.Order());
            var row = await plane.Hub.WaitForInstanceAsync(instanceId, r => r.GetString("RuntimeStatus") == "Running", TimeSpan.FromSeconds(30), "the host's monitor running");
            Assert.Equal(gate.FirstExecutionId(instanceId), row.GetString("ExecutionId")); // the monitor that runs is the first one started
        }
        finally
        {
            await app.StopAsync().DefaultTimeout();
        }
    }
}
