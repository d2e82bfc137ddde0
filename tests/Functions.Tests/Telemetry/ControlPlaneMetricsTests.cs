using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Functions.Tests.Support.ControlPlaneRig;

namespace VoiceFunctions.Functions.Tests.Telemetry;

/// <summary>
/// The control plane emits the metrics the Azure Monitor alerts query (webhook 401 rate, fallbacks, health
/// failures) under the MetricNames names and MetricTags tags, heard through a MeterListener.
/// </summary>
public sealed class ControlPlaneMetricsTests
{
    private const string Room = "call-_+79990001122_mEt";

    [SkippableFact]
    public async Task Webhooks_are_counted_and_timed_by_event_and_result_accepted_duplicate_or_refused()
    {
        await using var kit = new WebhookTestKit();
        using var recorder = new MeasurementRecorder(kit.MeterFactory);
        var durable = new DurableClientMock();
        async Task<int> PostAsync(byte[] body, string? authorization) =>
            (await kit.Webhooks.HandleAsync(WebhookTestKit.Request(body, authorization), durable.Object, CancellationToken.None).DefaultTimeout()).Status;

        var joined = WebhookBodies.CallerJoined(Room);
        Assert.Equal(200, await PostAsync(joined, kit.SignWebhook(joined)));
        Assert.Equal(200, await PostAsync(joined, kit.SignWebhook(joined)));
        Assert.Equal(401, await PostAsync(joined, kit.SignWebhook(joined, new LiveKitCredentials(kit.LiveKit.ApiKey, WebhookTestKit.NewSecret()))));
        var notAnEvent = Encoding.UTF8.GetBytes("{\"room\":{\"name\":\"call-x\"}}");
        Assert.Equal(400, await PostAsync(notAnEvent, kit.SignWebhook(notAnEvent)));
        var huge = Encoding.UTF8.GetBytes("{\"event\":\"room_started\",\"pad\":\"" + new string('x', WebhookTestKit.MaxWebhookBytes) + "\"}");
        Assert.Equal(413, await PostAsync(huge, kit.SignWebhook(huge)));

        var received = recorder.Of(MetricNames.WebhookReceived);
        Assert.Equal(
            [
                ("participant_joined", MetricTags.WebhookResults.Accepted),
                ("participant_joined", MetricTags.WebhookResults.Duplicate),
                (ControlPlaneMetrics.UnverifiedEvent, MetricTags.WebhookResults.Unauthorized),
                (ControlPlaneMetrics.UnverifiedEvent, MetricTags.WebhookResults.BadRequest),
                (ControlPlaneMetrics.UnverifiedEvent, MetricTags.WebhookResults.TooLarge),
            ],
            received.Select(m => (m.Tag(MetricTags.Event), m.Tag(MetricTags.Result))));
        Assert.All(received, m => Assert.Equal(1, m.Value));
        Assert.All(received, m => Assert.Equal(ControlPlaneMetrics.MeterName, m.Meter));
        var durations = recorder.Of(MetricNames.WebhookDuration);
        Assert.Equal(received.Select(m => m.Tag(MetricTags.Result)), durations.Select(m => m.Tag(MetricTags.Result)));
        Assert.All(durations, m => Assert.Equal("s", m.Unit));
        Assert.All(durations, m => Assert.True(m.Value >= 0));
    }

    [SkippableFact]
    public async Task A_call_is_counted_once_when_recorded_and_once_when_finalized_with_its_end_reason_and_answered_duration()
    {
        await using var storage = TestCallStorage.Create();
        var meters = NewMeterFactory();
        using var recorder = new MeasurementRecorder(meters);
        var metrics = new ControlPlaneMetrics(meters);
        var started = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var record = new RecordCallActivity(storage.Store, metrics);
        var finalize = new FinalizeCallActivity(storage.Store, metrics);
        var input = new RecordCallInput("call-metrics-1", "call-metrics-1", started, Caller: null);

        Assert.True(await record.ExecuteAsync(input, CancellationToken.None));
        Assert.False(await record.ExecuteAsync(input, CancellationToken.None)); // a retried activity: no second call
        await new MarkAnsweredActivity(storage.Store).ExecuteAsync(new MarkAnsweredInput(input.CallId, started.AddSeconds(3), 1), CancellationToken.None);
        var end = new FinalizeCallInput(input.CallId, started.AddSeconds(93), CallOutcome.Completed, CallEndReason.CallerHangUp, "caller hung up", 1);
        await finalize.ExecuteAsync(end, CancellationToken.None);
        await finalize.ExecuteAsync(end, CancellationToken.None); // a retried activity: the call is already closed, not counted again

        var callStarted = Assert.Single(recorder.Of(MetricNames.CallsStarted));
        Assert.Equal((MetricTags.Planes.ControlPlane, "inbound"), (callStarted.Tag(MetricTags.Plane), callStarted.Tag(MetricTags.Direction)));
        var ended = Assert.Single(recorder.Of(MetricNames.CallsEnded));
        Assert.Equal((nameof(CallEndReason.CallerHangUp), MetricTags.Planes.ControlPlane), (ended.Tag(MetricTags.Outcome), ended.Tag(MetricTags.Plane)));
        var duration = Assert.Single(recorder.Of(MetricNames.CallsDuration));
        Assert.Equal(90.0, duration.Value, precision: 3);
        Assert.Equal(("s", nameof(CallEndReason.CallerHangUp)), (duration.Unit, duration.Tag(MetricTags.Outcome)));
        Assert.Empty(recorder.Of(MetricNames.CallsFallbacks));
    }

    [SkippableFact]
    public async Task A_call_the_agent_never_answered_counts_as_a_fallback_with_its_reason_and_no_duration()
    {
        await using var storage = TestCallStorage.Create();
        var meters = NewMeterFactory();
        using var recorder = new MeasurementRecorder(meters);
        var metrics = new ControlPlaneMetrics(meters);
        var started = new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);
        await new RecordCallActivity(storage.Store, metrics).ExecuteAsync(new RecordCallInput("call-fallback-1", "call-fallback-1", started, null), CancellationToken.None);

        await new FinalizeCallActivity(storage.Store, metrics).ExecuteAsync(
            new FinalizeCallInput("call-fallback-1", started.AddSeconds(40), CallOutcome.Transferred, CallEndReason.AgentUnavailable, "transferred to the human fallback", 3),
            CancellationToken.None);

        var fallback = Assert.Single(recorder.Of(MetricNames.CallsFallbacks));
        Assert.Equal(nameof(CallOutcome.Transferred), fallback.Tag(MetricTags.Reason));
        Assert.Equal(nameof(CallEndReason.AgentUnavailable), Assert.Single(recorder.Of(MetricNames.CallsEnded)).Tag(MetricTags.Outcome));
        Assert.Empty(recorder.Of(MetricNames.CallsDuration));
    }

    [SkippableFact]
    public async Task Health_checks_are_counted_per_component_with_their_result_and_LiveKit_API_calls_are_counted()
    {
        await using var rig = await ControlPlaneRig.StartAsync(s => s["AgentDispatch:OutboundTrunkId"] = "ST_gone");
        using var recorder = new MeasurementRecorder(rig.Get<IMeterFactory>());

        await rig.Get<HealthChecker>().CheckAsync(CancellationToken.None).DefaultTimeout();

        var checks = recorder.Of(MetricNames.HealthChecks).ToDictionary(m => m.Tag(MetricTags.Target)!, m => m.Tag(MetricTags.Result));
        Assert.Equal(MetricTags.HealthResults.Healthy, checks[HealthChecker.LiveKit]);
        Assert.Equal(MetricTags.HealthResults.Degraded, checks[HealthChecker.Sip]); // no trunk, no rule, the outbound trunk is missing
        Assert.Equal(MetricTags.HealthResults.Healthy, checks[HealthChecker.Storage]);
        Assert.NotEmpty(recorder.Of(MetricNames.LiveKitApiRequests));
        // GetSIPOutboundTrunk of a missing trunk answers not_found: an error attempt.
        Assert.Contains(recorder.Of(MetricNames.LiveKitApiErrors), m => m.Tag(LiveKitMetricNames.OutcomeTag) == "not_found");
    }

    private static IMeterFactory NewMeterFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
