using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Timers;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Timers;

/// <summary>The Purge timer's work on the Durable Azure Storage provider over Azurite (a task hub of the test's own).</summary>
public sealed class HistoryPurgeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Purge_deletes_the_history_of_calls_finished_before_the_retention_and_keeps_running_calls_and_recent_ones()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        var log = new LogWatch();
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(plane.Settings), l => l.AddProvider(log));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = plane.NewHttpClient();
            var events = new AgentEventPoster(http, plane.EventsKey);
            var finished = $"call-{Guid.NewGuid():N}_127.0.0.1~direct";
            var running = $"call-{Guid.NewGuid():N}_127.0.0.1~direct";
            Assert.True((await events.AnsweredAsync(finished)).IsSuccessStatusCode);
            Assert.True((await events.AnsweredAsync(running)).IsSuccessStatusCode);
            await plane.Hub.WaitForInstanceAsync(finished, r => r.GetString("RuntimeStatus") == "Running", Patience, "the first call running");
            Assert.True((await events.HangupAsync(finished, CallEndReason.CallerHangUp)).IsSuccessStatusCode);
            await plane.Hub.WaitForInstanceAsync(finished, r => r.GetString("RuntimeStatus") == "Completed", Patience, "the first call completed");
            await plane.Hub.WaitForInstanceAsync(running, r => r.GetString("RuntimeStatus") == "Running", Patience, "the second call running");
            var durable = app.Services.GetRequiredService<DurableTaskClient>();
            HistoryPurger PurgerAt(DateTimeOffset now) =>
                new(Options.Create(new RetentionOptions { Days = 30 }), new FakeTimeProvider(now), NullLogger<HistoryPurger>.Instance);

            async Task<int> PurgeAsync(DateTimeOffset now)
            {
                try
                {
                    return await PurgerAt(now).PurgeAsync(durable, CancellationToken.None);
                }
                catch (Grpc.Core.RpcException e)
                {
                    throw new InvalidOperationException("the sidecar failed the purge; its log:\n" + log.Text, e);
                }
            }

            Assert.Equal(0, await PurgeAsync(DateTimeOffset.UtcNow)); // within the retention
            Assert.Equal(1, await PurgeAsync(DateTimeOffset.UtcNow.AddDays(31)));

            Assert.Null(await plane.Hub.InstanceAsync(finished));
            Assert.Equal(0, await plane.Hub.ExecutionsStartedAsync(finished)); // its history rows are gone too
            Assert.Equal("Running", (await plane.Hub.InstanceAsync(running))?.GetString("RuntimeStatus"));
        }
        finally
        {
            await app.StopAsync().DefaultTimeout();
        }
    }
}
