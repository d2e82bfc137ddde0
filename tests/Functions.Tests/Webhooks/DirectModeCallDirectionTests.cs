using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>Direct mode: the MediaHost's answered event writes the call's record (Azurite), outbound for a call we placed.</summary>
public sealed class DirectModeCallDirectionTests : IAsyncLifetime
{
    private WebhookTestKit _kit = null!;
    private readonly DurableClientMock _durable = new();

    public Task InitializeAsync()
    {
        _kit = new WebhookTestKit(directMode: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_kit is not null)
        {
            await _kit.DisposeAsync();
        }
    }

    [SkippableTheory]
    [InlineData("call-out-reminder-42-0a1b2c3d", CallDirection.Outbound)]
    [InlineData("call-1-4242_127.0.0.1~direct", CallDirection.Inbound)]
    public async Task Answered_event_records_the_call_with_the_direction_its_id_says(string callId, CallDirection expected)
    {
        var answered = new AgentEventMessage
        {
            Id = "mh-answered-" + callId, CallId = callId, Type = AgentEventType.Answered, OccurredAt = _kit.Time.GetUtcNow(),
            Caller = "+15550002222", Called = "+15550001111",
        };
        var body = WebhookTestKit.AgentEvent(answered);

        var response = (HttpResponseResult)await new AgentEventsFunction(_kit.AgentEvents)
            .Run(WebhookTestKit.Request(body, _kit.SignAgentEvent(body), $"/api/calls/{callId}/events"), callId, _durable.Object, CancellationToken.None).DefaultTimeout();

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, (await _kit.Storage.Store.GetAsync(callId))!.Direction);
        var day = await _kit.Storage.Store.ListDayAsync(DateOnly.FromDateTime(answered.OccurredAt.UtcDateTime), 50, null);
        Assert.Equal(expected, day.Calls.Single(c => c.CallId == callId).Direction);
    }
}
