using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>
/// Direct mode (no LiveKit): the MediaHost's answered event for an unknown call records the call and starts a
/// direct orchestration; its hangup says who ended the call. Real Azurite tables, the Durable client mocked.
/// </summary>
public sealed class DirectModeAgentEventsTests : IAsyncLifetime
{
    private const string CallId = "call-1-4242_127.0.0.1~direct";
    private AgentEventsTestBed _bed = null!;

    public Task InitializeAsync()
    {
        _bed = AgentEventsTestBed.Create(directMode: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }
    }

    private AgentEventMessage Event(string id, AgentEventType type) =>
        new() { Id = id, CallId = CallId, Type = type, OccurredAt = _bed.Kit.Time.GetUtcNow() };

    private Task<HttpResponseResult> PostAsync(AgentEventMessage message) => _bed.PostSignedAsync(message);

    [SkippableFact]
    public async Task Answered_event_for_an_unknown_call_records_it_and_starts_a_direct_orchestration()
    {
        var response = await PostAsync(Event("mh-a", AgentEventType.Answered) with { Caller = "+15552223333", Called = "+15550001111" });

        Assert.Equal(200, response.Status);
        Assert.Contains("Started", response.BodyText);
        var record = (await _bed.Kit.Storage.Store.GetAsync(CallId))!;
        Assert.Equal("+15552223333", record.CallerNumber);
        Assert.Equal("+15550001111", record.CalledNumber);
        var (_, instanceId, start) = Assert.Single(_bed.Durable.Started);
        Assert.Equal(CallId, instanceId);
        Assert.True(start.Direct);
        Assert.Equal("+15552223333", start.Caller!.CallerNumber);
    }

    [SkippableFact]
    public async Task Answered_event_whose_start_failed_after_the_record_was_written_starts_the_call_when_it_is_retried()
    {
        _bed.Durable.FailNextStart = true;
        var answered = Event("mh-a", AgentEventType.Answered) with { Caller = "+15552223333", Called = "+15550001111" };

        Assert.Equal(503, (await PostAsync(answered)).Status);
        Assert.NotNull(await _bed.Kit.Storage.Store.GetAsync(CallId)); // the record was written before the start failed
        var retried = await PostAsync(answered);

        Assert.Equal(200, retried.Status);
        Assert.Contains("Started", retried.BodyText);
        Assert.True(Assert.Single(_bed.Durable.Started).Input.Direct);
    }

    [SkippableFact]
    public async Task Answered_event_whose_request_was_aborted_mid_delivery_is_not_taken_for_a_duplicate_when_it_is_retried()
    {
        // The MediaHost gives up on a request after its timeout (5 s; a saturated control plane took longer) and sends it
        // again with the same event id: the aborted first delivery must not have claimed the event for good.
        _bed.Durable.CancelNextStart = true;
        var answered = Event("mh-a", AgentEventType.Answered) with { Caller = "+15552223333", Called = "+15550001111" };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PostAsync(answered));
        var retried = await PostAsync(answered);

        Assert.Equal(200, retried.Status);
        Assert.Contains("Started", retried.BodyText);
        Assert.Single(_bed.Durable.Started);
    }

    [SkippableFact]
    public async Task Turn_before_the_answer_in_direct_mode_is_a_404_so_the_mediahost_retries_it()
    {
        var turn = Event("mh-t", AgentEventType.Turn) with { Turn = new CallTurn { CallId = CallId, Sequence = 1, AgentText = "Hello!" } };

        var response = await PostAsync(turn);

        Assert.Equal(404, response.Status);
        Assert.Contains("answered event", response.BodyText);
        Assert.Empty(_bed.Durable.Started);
        Assert.Null(await _bed.Kit.Storage.Store.GetAsync(CallId));
    }

    [SkippableFact]
    public async Task Answered_event_for_an_unknown_call_is_a_404_when_direct_mode_is_off()
    {
        await using var liveKitMode = AgentEventsTestBed.Create(directMode: false);

        var response = await liveKitMode.PostSignedAsync(Event("mh-a", AgentEventType.Answered));

        Assert.Equal(404, response.Status);
        Assert.Empty(liveKitMode.Durable.Started);
    }

    [SkippableFact]
    public async Task Hangup_after_the_callers_bye_is_raised_as_the_caller_leaving_and_the_agents_as_the_agent_leaving()
    {
        await PostAsync(Event("mh-a", AgentEventType.Answered));
        _bed.Durable.SetInstance(CallId, OrchestrationRuntimeStatus.Running);

        await PostAsync(Event("mh-h1", AgentEventType.Hangup) with { EndReason = CallEndReason.CallerHangUp });
        await PostAsync(Event("mh-h2", AgentEventType.Hangup));

        Assert.Equal([CallEventKind.CallerLeft, CallEventKind.AgentLeft], _bed.Durable.Raised.Select(r => r.Event.Kind));
    }
}
