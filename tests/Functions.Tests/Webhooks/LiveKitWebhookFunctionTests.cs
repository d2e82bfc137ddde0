using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Moq;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>The LiveKitWebhook function called directly with real HttpRequests, over real Azurite tables.</summary>
public sealed class LiveKitWebhookFunctionTests : IAsyncLifetime
{
    private const string Room = "call-_+79990001122_aBc";
    private WebhookTestKit _kit = null!;
    private readonly DurableClientMock _durable = new();
    private LiveKitWebhookFunction _function = null!;

    public Task InitializeAsync()
    {
        _kit = new WebhookTestKit();
        _function = new LiveKitWebhookFunction(_kit.Webhooks);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_kit is not null)
        {
            await _kit.DisposeAsync();
        }
    }

    private async Task<HttpResponseResult> PostAsync(byte[] body, string? authorization) =>
        (HttpResponseResult)await _function.Run(WebhookTestKit.Request(body, authorization), _durable.Object, CancellationToken.None).DefaultTimeout();

    private static string StatusOf(HttpResponseResult r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("status").GetString()!;

    [SkippableFact]
    public async Task Valid_caller_join_starts_the_call_orchestration_under_the_room_derived_id_with_the_caller()
    {
        var body = WebhookBodies.CallerJoined(Room);

        var response = await PostAsync(body, _kit.SignWebhook(body));

        Assert.Equal(200, response.Status);
        Assert.Equal("Started", StatusOf(response));
        var (name, instanceId, input) = Assert.Single(_durable.Started);
        Assert.Equal(nameof(CallOrchestrator), name);
        Assert.Equal("call-_+79990001122_aBc", instanceId);
        Assert.Equal(Room, input.RoomName);
        Assert.Equal(new CallerInfo(WebhookBodies.CallerIdentity, "+79990001122", "+74950000000", "ST_in"), input.Caller);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1771351901), input.StartedAt);
    }

    [SkippableFact]
    public async Task Webhook_signed_with_another_secret_is_rejected_as_forged()
    {
        var body = WebhookBodies.CallerJoined(Room);
        var forged = _kit.SignWebhook(body, new LiveKitCredentials(_kit.LiveKit.ApiKey, WebhookTestKit.NewSecret()));

        var response = await PostAsync(body, forged);

        Assert.Equal(401, response.Status);
        Assert.Contains("signature", response.BodyText);
        Assert.Empty(_durable.Started);
    }

    [SkippableFact]
    public async Task Webhook_without_authorization_is_rejected()
    {
        var response = await PostAsync(WebhookBodies.CallerJoined(Room), authorization: null);
        Assert.Equal(401, response.Status);
        Assert.Empty(_durable.Started);
    }

    [SkippableFact]
    public async Task Webhook_with_tampered_body_is_rejected_as_hash_mismatch()
    {
        var body = WebhookBodies.CallerJoined(Room);
        var header = _kit.SignWebhook(body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("+79990001122", "+70000000000"));

        var response = await PostAsync(tampered, header);

        Assert.Equal(401, response.Status);
        Assert.Contains("sha256", response.BodyText);
        Assert.Empty(_durable.Started);
    }

    [SkippableFact]
    public async Task Webhook_with_an_expired_token_is_rejected()
    {
        var body = WebhookBodies.CallerJoined(Room);
        var tenMinutesAgo = new FakeTimeProvider(_kit.Time.GetUtcNow() - TimeSpan.FromMinutes(10));

        var response = await PostAsync(body, _kit.SignWebhook(body, at: tenMinutesAgo));

        Assert.Equal(401, response.Status);
        Assert.Contains("expired", response.BodyText, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_durable.Started);
    }

    [SkippableFact]
    public async Task Oversized_webhook_is_refused_with_413_before_it_is_verified()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"room_started\",\"pad\":\"" + new string('x', WebhookTestKit.MaxWebhookBytes) + "\"}");

        var response = await PostAsync(body, _kit.SignWebhook(body));

        Assert.Equal(413, response.Status);
        Assert.Empty(_durable.Started);
    }

    [SkippableFact]
    public async Task Signed_body_that_is_not_a_webhook_event_is_a_400_with_the_reason()
    {
        var body = Encoding.UTF8.GetBytes("{\"room\":{\"name\":\"call-x\"}}");

        var response = await PostAsync(body, _kit.SignWebhook(body));

        Assert.Equal(400, response.Status);
        Assert.NotEmpty(response.BodyText);
    }

    [SkippableFact]
    public async Task Duplicate_delivery_and_a_replayed_captured_request_act_only_once()
    {
        var body = WebhookBodies.CallerJoined(Room);
        var header = _kit.SignWebhook(body);

        var first = await PostAsync(body, header);
        var redelivery = await PostAsync(body, _kit.SignWebhook(body)); // LiveKit's retry: same event, new token
        var replay = await PostAsync(body, header);                      // an attacker replays the captured request

        Assert.Equal(("Started", "duplicate", "duplicate"), (StatusOf(first), StatusOf(redelivery), StatusOf(replay)));
        Assert.Single(_durable.Started);
        Assert.Empty(_durable.Raised);
    }

    [SkippableFact]
    public async Task Later_events_of_a_running_call_are_raised_into_its_orchestration()
    {
        _durable.SetInstance(Room, OrchestrationRuntimeStatus.Running);

        var dialing = WebhookBodies.SipAgentJoined(Room, "dialing");
        await PostAsync(dialing, _kit.SignWebhook(dialing)); // still dialing the MediaHost: not an answer
        var active = WebhookBodies.SipAgentJoined(Room, "active");
        await PostAsync(active, _kit.SignWebhook(active));
        var left = WebhookBodies.CallerLeft(Room);
        await PostAsync(left, _kit.SignWebhook(left));
        var finished = WebhookBodies.RoomFinished(Room);
        await PostAsync(finished, _kit.SignWebhook(finished));

        Assert.Empty(_durable.Started);
        Assert.Equal([CallEventKind.AgentAnswered, CallEventKind.CallerLeft, CallEventKind.RoomFinished], _durable.Raised.Select(r => r.Event.Kind));
        Assert.All(_durable.Raised, r => Assert.Equal((Room, CallEvent.EventName), (r.InstanceId, r.EventName)));
    }

    [SkippableFact]
    public async Task Room_started_starts_the_call_and_the_caller_joining_afterwards_is_raised_into_it()
    {
        var started = WebhookBodies.RoomStarted(Room);
        var startedResponse = await PostAsync(started, _kit.SignWebhook(started));
        var joined = WebhookBodies.CallerJoined(Room);
        var joinedResponse = await PostAsync(joined, _kit.SignWebhook(joined));

        Assert.Equal(("Started", "Raised"), (StatusOf(startedResponse), StatusOf(joinedResponse)));
        Assert.Null(Assert.Single(_durable.Started).Input.Caller);
        var raised = Assert.Single(_durable.Raised);
        Assert.Equal(CallEventKind.CallerJoined, raised.Event.Kind);
        Assert.Equal("+79990001122", raised.Event.Caller!.CallerNumber);
    }

    [SkippableFact]
    public async Task Events_of_rooms_that_are_not_calls_are_ignored_without_touching_durable()
    {
        var body = WebhookBodies.CallerJoined("meeting-room");

        var response = await PostAsync(body, _kit.SignWebhook(body));

        Assert.Equal("ignored", StatusOf(response));
        _durable.Mock.Verify(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [SkippableFact]
    public async Task Late_event_of_a_finished_call_is_dropped()
    {
        _durable.SetInstance(Room, OrchestrationRuntimeStatus.Completed);
        var body = WebhookBodies.RoomFinished(Room);

        var response = await PostAsync(body, _kit.SignWebhook(body));

        Assert.Equal("CallAlreadyFinished", StatusOf(response));
        Assert.Empty(_durable.Raised);
    }

    [SkippableFact]
    public async Task Failed_delivery_answers_503_and_lets_the_retry_through()
    {
        _durable.FailNextStart = true;
        var body = WebhookBodies.CallerJoined(Room);

        var failed = await PostAsync(body, _kit.SignWebhook(body));
        var retried = await PostAsync(body, _kit.SignWebhook(body));

        Assert.Equal(503, failed.Status);
        Assert.Equal("Started", StatusOf(retried));
        Assert.Single(_durable.Started);
    }

    [SkippableFact]
    public async Task Delivery_aborted_mid_way_by_the_senders_timeout_lets_the_retry_through()
    {
        _durable.CancelNextStart = true;
        var body = WebhookBodies.CallerJoined(Room);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PostAsync(body, _kit.SignWebhook(body)));
        var retried = await PostAsync(body, _kit.SignWebhook(body));

        Assert.Equal("Started", StatusOf(retried));
        Assert.Single(_durable.Started);
    }
}
