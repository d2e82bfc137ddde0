using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.TestSupport;
using P = Microsoft.DurableTask.Protobuf;

namespace VoiceFunctions.Functions.Tests.LocalHost;

/// <summary>
/// Events an orchestration has not taken when it continues as new (preserveUnprocessedEvents) reach its next
/// generation on the local host: the worker sends them to its own instance, and the served sidecar would drop them
/// (<see cref="ContinueAsNewCarryover"/>). The campaign orchestration counts on it for its "attempt ended" events.
/// </summary>
public sealed class ContinueAsNewCarryoverTests
{
    private const string Counter = "CountTicksAcrossGenerations";

    [SkippableFact]
    public async Task Six_events_raised_while_the_orchestration_sleeps_are_all_taken_one_per_generation_on_the_real_backend()
    {
        var storage = Azurite.RequireRunning();
        var hub = "carry" + Guid.NewGuid().ToString("N")[..10];
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAzureStorageDurableTask(storage, HostJsonSettings.Defaults with { HubName = hub, MaxQueuePollingInterval = TimeSpan.FromSeconds(1) },
            FreePort.Next(), activityFetchers: 1, tasks => tasks.AddOrchestratorFunc<int, int>(Counter, async (context, taken) =>
            {
                if (taken == 0)
                {
                    // The test raises every event while this timer runs: the first generation finds all six waiting.
                    await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(4), CancellationToken.None);
                }
                await context.WaitForExternalEvent<int>("tick");
                if (++taken < 6)
                {
                    context.ContinueAsNew(taken, preserveUnprocessedEvents: true);
                }
                return taken;
            }));
        using var host = builder.Build();
        await host.StartAsync().DefaultTimeout();
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync(Counter, 0);
            await client.WaitForInstanceStartAsync(id).DefaultTimeout();
            for (var n = 0; n < 6; n++)
            {
                await client.RaiseEventAsync(id, "tick", n);
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            OrchestrationMetadata? done = null;
            try
            {
                done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, patience.Token);
            }
            catch (OperationCanceledException)
            {
            }
            var now = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.True(done is { RuntimeStatus: OrchestrationRuntimeStatus.Completed }, $"not completed in 60 s: {now?.RuntimeStatus}, input (events taken) {now?.SerializedInput}");
            Assert.Equal(6, done.ReadOutputAs<int>());
        }
        finally
        {
            await host.StopAsync().DefaultTimeout();
            await new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = hub,
                StorageAccountClientProvider = new StorageAccountClientProvider(storage),
            }).DeleteAsync();
        }
    }

    [Fact]
    public void In_a_response_that_continues_as_new_events_to_its_own_instance_become_carry_over_events_in_order()
    {
        var response = new P.OrchestratorResponse { InstanceId = "campaign-1" };
        response.Actions.Add(SendEvent("campaign-1", "AttemptEnded", "\"a\""));
        response.Actions.Add(SendEvent("call-2", "CampaignCallEnd", "\"b\""));
        response.Actions.Add(new P.OrchestratorAction { CompleteOrchestration = new P.CompleteOrchestrationAction { OrchestrationStatus = P.OrchestrationStatus.ContinuedAsNew } });
        response.Actions.Add(SendEvent("campaign-1", "Control", "\"c\""));

        ContinueAsNewCarryover.Apply(response, new DateTime(2026, 12, 7, 16, 0, 0, DateTimeKind.Utc));

        Assert.Equal(["call-2"], response.Actions.Where(a => a.SendEvent is not null).Select(a => a.SendEvent.Instance.InstanceId));
        var carried = response.Actions.Single(a => a.CompleteOrchestration is not null).CompleteOrchestration.CarryoverEvents;
        Assert.Equal([("AttemptEnded", "\"a\""), ("Control", "\"c\"")], carried.Select(e => (e.EventRaised.Name, e.EventRaised.Input)));
    }

    [Fact]
    public void A_response_that_does_not_continue_as_new_keeps_its_events_to_its_own_instance()
    {
        var response = new P.OrchestratorResponse { InstanceId = "campaign-1" };
        response.Actions.Add(SendEvent("campaign-1", "AttemptEnded", "\"a\""));
        response.Actions.Add(new P.OrchestratorAction { CompleteOrchestration = new P.CompleteOrchestrationAction { OrchestrationStatus = P.OrchestrationStatus.Completed } });

        ContinueAsNewCarryover.Apply(response, DateTime.UtcNow);

        Assert.Equal(2, response.Actions.Count);
        Assert.Empty(response.Actions[1].CompleteOrchestration.CarryoverEvents);
    }

    private static P.OrchestratorAction SendEvent(string instanceId, string name, string data) => new()
    {
        SendEvent = new P.SendEventAction { Instance = new P.OrchestrationInstance { InstanceId = instanceId }, Name = name, Data = data },
    };
}
