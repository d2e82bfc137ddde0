using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Tests.LocalHost;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// The campaign calls that stayed in phase "Recording" (quiet run, session 7: 10 of 200): in direct mode the dial's answer
/// (<see cref="AnsweredCallStarter"/>) and the MediaHost's "answered" event both start the call's orchestration, each
/// after finding no instance. On the local host's real backend (the Durable Azure Storage provider over Azurite, a task
/// hub of the test's own), the start that came second replaced the instance that was already running: a new execution
/// with none of the events the first had taken, and the first one's work discarded. The double
/// <see cref="SecondStartAfterFirstRunsClient"/> makes that interleaving certain.
/// </summary>
public sealed class RacingCallStartsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Call_started_by_the_dials_answer_and_by_the_MediaHosts_answered_event_at_once_runs_once_and_ends_on_the_MediaHosts_hang_up()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        plane.Settings["Outbound:Mode"] = "Direct";
        plane.Settings["Outbound:MediaHostUrl"] = "http://127.0.0.1:9";
        plane.Settings["Outbound:CallerIds:0"] = "+15550002222";
        // Only the hang-up may end the call within the test (not the silence of a replaced instance).
        plane.Settings["Calls:DirectSilenceTimeoutSeconds"] = "3600";
        SecondStartAfterFirstRunsClient? gate = null;
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(plane.Settings),
            services: s => s.AddSingleton<IOrchestrationServiceClient>(sp => gate = new SecondStartAfterFirstRunsClient(sp.GetRequiredService<AzureStorageOrchestrationService>())));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = plane.NewHttpClient();
            var events = new AgentEventPoster(http, plane.EventsKey);
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            var starter = app.Services.GetRequiredService<AnsweredCallStarter>();
            var callId = OutboundCallIds.New();
            var answeredAt = DateTimeOffset.UtcNow;

            var byDial = starter.StartAsync(new AnsweredCallInput(new OutboundCallStart(callId, "+15550001111", "+15550002222", 30, [], answeredAt), answeredAt), client, CancellationToken.None);
            var byMediaHost = events.AnsweredAsync(callId, caller: "+15550002222", called: "+15550001111");
            await Task.WhenAll(byDial, byMediaHost).WaitAsync(Patience);
            Assert.True((await byMediaHost).IsSuccessStatusCode, await (await byMediaHost).Content.ReadAsStringAsync());
            Assert.Equal(2, gate!.Starts(callId)); // both found no instance and started it: the race happened

            Assert.True((await events.HangupAsync(callId, CallEndReason.CallerHangUp)).IsSuccessStatusCode);

            var record = await DirectCallLivenessTests.FinalizedRecordAsync(http, callId);
            Assert.Equal(("Completed", "CallerHangUp"), (record.GetProperty("outcome").GetString(), record.GetProperty("endReason").GetString()));
            var row = await plane.Hub.WaitForInstanceAsync(callId, r => r.GetString("RuntimeStatus") == "Completed", Patience, "the call's orchestration completed");
            Assert.Equal(gate.FirstExecutionId(callId), row.GetString("ExecutionId")); // the instance that ran is the first one started, not a replacement
        }
        finally
        {
            await app.StopAsync().DefaultTimeout();
        }
    }
}
