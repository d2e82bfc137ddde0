using System.Text;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;
using Microsoft.DurableTask.Client;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>The AgentEvents function called directly with real HttpRequests, over real Azurite tables.</summary>
public sealed class AgentEventsFunctionTests : IAsyncLifetime
{
    private const string CallId = "call-agent-events";
    private AgentEventsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await AgentEventsTestBed.WithRunningCallAsync(CallId);

    public async Task DisposeAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }
    }

    private AgentEventMessage Turn(string id, int sequence = 1, string callId = CallId) => new()
    {
        Id = id,
        CallId = callId,
        Type = AgentEventType.Turn,
        OccurredAt = _bed.Kit.Time.GetUtcNow(),
        Turn = new CallTurn { CallId = callId, Sequence = sequence, CallerText = "Когда вы открыты?", AgentText = "С девяти до шести.", ResponseLatencyMs = 720 },
    };

    private Task<HttpResponseResult> PostAsync(byte[] body, string? authorization, string callId = CallId) => _bed.PostAsync(body, authorization, callId);

    [SkippableFact]
    public async Task Signed_turn_is_stored_in_the_history_and_raised_into_the_call()
    {
        var body = WebhookTestKit.AgentEvent(Turn("mh-1"));

        var response = await PostAsync(body, _bed.Kit.SignAgentEvent(body));

        Assert.Equal(200, response.Status);
        var turn = Assert.Single(await _bed.Kit.Storage.Store.GetTurnsAsync(CallId));
        Assert.Equal("С девяти до шести.", turn.AgentText);
        Assert.Equal(CallEventKind.Turn, Assert.Single(_bed.Durable.Raised).Event.Kind);
    }

    [SkippableFact]
    public async Task Agent_event_signed_with_the_wrong_key_is_rejected_and_nothing_is_stored()
    {
        var body = WebhookTestKit.AgentEvent(Turn("mh-bad"));
        var forged = _bed.Kit.SignAgentEvent(body, new LiveKitCredentials(_bed.Kit.MediaHost.ApiKey, WebhookTestKit.NewSecret()));

        var response = await PostAsync(body, forged);

        Assert.Equal(401, response.Status);
        Assert.Empty(await _bed.Kit.Storage.Store.GetTurnsAsync(CallId));
        Assert.Empty(_bed.Durable.Raised);
    }

    [SkippableFact]
    public async Task Agent_event_signed_with_the_livekit_secret_is_rejected()
    {
        // The MediaHost never holds the LiveKit API secret, so a LiveKit-signed request is not the MediaHost's.
        var body = WebhookTestKit.AgentEvent(Turn("mh-lk"));
        var response = await PostAsync(body, "Bearer " + _bed.Kit.SignWebhook(body));
        Assert.Equal(401, response.Status);
    }

    [SkippableFact]
    public async Task Agent_event_with_a_tampered_body_is_rejected()
    {
        var body = WebhookTestKit.AgentEvent(Turn("mh-tamper"));
        var header = _bed.Kit.SignAgentEvent(body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"responseLatencyMs\":720", "\"responseLatencyMs\":72"));
        Assert.NotEqual(body, tampered);

        var response = await PostAsync(tampered, header);

        Assert.Equal(401, response.Status);
        Assert.Empty(await _bed.Kit.Storage.Store.GetTurnsAsync(CallId));
    }

    [SkippableFact]
    public async Task Replayed_agent_event_is_acted_on_once()
    {
        var body = WebhookTestKit.AgentEvent(Turn("mh-replay"));
        var header = _bed.Kit.SignAgentEvent(body);

        var first = await PostAsync(body, header);
        var replay = await PostAsync(body, header);

        Assert.Equal(200, first.Status);
        Assert.Contains("duplicate", replay.BodyText);
        Assert.Single(await _bed.Kit.Storage.Store.GetTurnsAsync(CallId));
        Assert.Single(_bed.Durable.Raised);
    }

    [SkippableFact]
    public async Task Agent_event_replayed_after_its_token_expired_is_rejected()
    {
        var body = WebhookTestKit.AgentEvent(Turn("mh-expired"));
        var header = _bed.Kit.SignAgentEvent(body);
        _bed.Kit.Time.Advance(TimeSpan.FromMinutes(10));

        var response = await PostAsync(body, header);

        Assert.Equal(401, response.Status);
    }

    [SkippableFact]
    public async Task Signed_event_aimed_at_another_call_than_its_body_names_is_a_400()
    {
        var body = WebhookTestKit.AgentEvent(Turn("mh-other"));

        var response = await PostAsync(body, _bed.Kit.SignAgentEvent(body), callId: "call-someone-else");

        Assert.Equal(400, response.Status);
        Assert.Contains("does not match the call in the URL", response.BodyText);
    }

    [SkippableFact]
    public async Task Malformed_agent_event_is_a_400_with_the_reason()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"id":"mh-x","callId":"{{CallId}}","type":"teleport","occurredAt":"2026-11-25T10:00:00Z"}""");

        var response = await PostAsync(body, _bed.Kit.SignAgentEvent(body));

        Assert.Equal(400, response.Status);
        Assert.Contains("type", response.BodyText);
    }

    [SkippableFact]
    public async Task Event_for_an_unknown_call_is_a_404()
    {
        var body = WebhookTestKit.AgentEvent(Turn("mh-unknown", callId: "call-nobody"));

        var response = await PostAsync(body, _bed.Kit.SignAgentEvent(body), callId: "call-nobody");

        Assert.Equal(404, response.Status);
    }

    [SkippableFact]
    public async Task Error_and_summary_reports_are_written_to_the_call_record()
    {
        var error = WebhookTestKit.AgentEvent(new AgentEventMessage { Id = "mh-err", CallId = CallId, Type = AgentEventType.Error, OccurredAt = _bed.Kit.Time.GetUtcNow(), Error = "TTS provider timed out" });
        var summary = WebhookTestKit.AgentEvent(new AgentEventMessage { Id = "mh-sum", CallId = CallId, Type = AgentEventType.Summary, OccurredAt = _bed.Kit.Time.GetUtcNow(), Summary = "Asked about opening hours." });

        await PostAsync(error, _bed.Kit.SignAgentEvent(error));
        await PostAsync(summary, _bed.Kit.SignAgentEvent(summary));

        var record = (await _bed.Kit.Storage.Store.GetAsync(CallId))!;
        Assert.Equal(["TTS provider timed out"], record.Errors);
        Assert.Equal("Asked about opening hours.", record.Summary);
        Assert.Equal([CallEventKind.AgentError], _bed.Durable.Raised.Select(r => r.Event.Kind));
    }

    [SkippableFact]
    public async Task Hangup_after_a_transfer_is_raised_as_the_transfer_not_as_the_agent_hanging_up()
    {
        // The MediaHost ends its leg with reason Transferred once the REFER is accepted.
        var body = WebhookTestKit.AgentEvent(new AgentEventMessage
        {
            Id = "mh-transfer-hangup", CallId = CallId, Type = AgentEventType.Hangup, OccurredAt = _bed.Kit.Time.GetUtcNow(), EndReason = CallEndReason.Transferred,
        });

        var response = await PostAsync(body, _bed.Kit.SignAgentEvent(body));

        Assert.Equal(200, response.Status);
        Assert.Equal(CallEventKind.Transferred, Assert.Single(_bed.Durable.Raised).Event.Kind);
    }
}
