using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>calls.started says who placed the call: an answered or unanswered call we placed counts as outbound, any other as inbound.</summary>
public sealed class CallDirectionMetricTests
{
    [SkippableFact]
    public async Task Calls_started_is_tagged_outbound_for_calls_we_placed_answered_or_not_and_inbound_for_the_others()
    {
        await using var storage = TestCallStorage.Create();
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        using var recorder = new MeasurementRecorder(meters);
        var metrics = new ControlPlaneMetrics(meters);
        var at = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        var record = new RecordCallActivity(storage.Store, metrics);
        var unanswered = new RecordUnansweredCallActivity(storage.Store, metrics);
        var busy = new UnansweredCallInput(new OutboundCallStart("call-out-busy-1", "+15550001111", "+15550002222", 20, [], at),
            new DialResult(DialOutcome.Busy, null, "486 Busy Here"), at.AddSeconds(2));

        await record.ExecuteAsync(new RecordCallInput("room-inbound-1", "room-inbound-1", at, null), CancellationToken.None);
        await record.ExecuteAsync(new RecordCallInput("call-out-answered-1", "call-out-answered-1", at, null), CancellationToken.None);
        await unanswered.ExecuteAsync(busy, CancellationToken.None);
        await unanswered.ExecuteAsync(busy, CancellationToken.None); // a retried activity: the same record, not counted again

        var directions = recorder.Of(MetricNames.CallsStarted).Select(m => m.Tag(MetricTags.Direction)).ToList();
        Assert.Equal(["inbound", "outbound", "outbound"], directions);
    }
}
