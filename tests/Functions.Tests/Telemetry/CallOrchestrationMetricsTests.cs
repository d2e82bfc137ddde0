using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Functions.Tests.Support.CallOrchestrationHarness;

namespace VoiceFunctions.Functions.Tests.Telemetry;

/// <summary>
/// Calls run through the real orchestration (with replay) are counted exactly once: the metrics are in the
/// activities, so replaying the orchestrator adds nothing.
/// </summary>
public sealed class CallOrchestrationMetricsTests
{
    [SkippableFact]
    public async Task An_answered_call_that_the_caller_ends_is_counted_started_and_ended_once_with_its_duration()
    {
        await using var h = await StartAsync();
        using var recorder = new MeasurementRecorder(h.MeterFactory);
        var id = await h.StartAsync(NewCall("metrics-happy", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(20) }));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);
        await h.WaitForPhaseAsync(id, CallPhase.InCall);
        await h.RaiseAsync(id, CallEventKind.CallerLeft);

        await h.WaitForResultAsync(id);

        Assert.Single(recorder.Of(MetricNames.CallsStarted));
        Assert.Equal(nameof(CallEndReason.CallerHangUp), Assert.Single(recorder.Of(MetricNames.CallsEnded)).Tag(MetricTags.Outcome));
        Assert.Single(recorder.Of(MetricNames.CallsDuration));
        Assert.Empty(recorder.Of(MetricNames.CallsFallbacks));
    }

    [SkippableFact]
    public async Task A_call_the_agent_never_answers_is_counted_as_a_fallback_once()
    {
        await using var h = await StartAsync();
        using var recorder = new MeasurementRecorder(h.MeterFactory);
        var id = await h.StartAsync(NewCall("metrics-fallback", FastSettings));

        await h.WaitForResultAsync(id);

        Assert.Equal(nameof(CallOutcome.AgentUnavailable), Assert.Single(recorder.Of(MetricNames.CallsFallbacks)).Tag(MetricTags.Reason));
        Assert.Equal(nameof(CallEndReason.AgentUnavailable), Assert.Single(recorder.Of(MetricNames.CallsEnded)).Tag(MetricTags.Outcome));
        Assert.Empty(recorder.Of(MetricNames.CallsDuration));
    }
}
