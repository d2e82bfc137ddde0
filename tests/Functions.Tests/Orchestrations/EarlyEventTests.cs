using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Functions.Tests.Support.CallOrchestrationHarness;

namespace VoiceFunctions.Functions.Tests.Orchestrations;

/// <summary>Events kept in the early-event store for a call whose orchestration had not run yet.</summary>
public sealed class EarlyEventTests
{
    [SkippableFact]
    public async Task Events_kept_before_the_orchestration_ran_count_once_even_when_their_raised_copies_also_arrive()
    {
        await using var h = await StartAsync();
        var early = TestEarlyEvents.Store(h.Storage);
        const string callId = "early-once";
        var answered = new CallEvent(CallEventKind.AgentAnswered, DateTimeOffset.UtcNow) { SourceEventId = "EV_answer" };
        var turn = new CallEvent(CallEventKind.Turn, DateTimeOffset.UtcNow) { SourceEventId = "mh-turn-1" };
        await early.KeepAsync(callId, answered, CancellationToken.None);
        await early.KeepAsync(callId, turn, CancellationToken.None);

        var id = await h.StartAsync(NewCall(callId, FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(20) }));
        await h.Client.RaiseEventAsync(id, CallEvent.EventName, answered).DefaultTimeout();
        await h.Client.RaiseEventAsync(id, CallEvent.EventName, turn).DefaultTimeout();
        await h.WaitForPhaseAsync(id, CallPhase.InCall);
        await h.RaiseAsync(id, CallEventKind.CallerLeft);

        var done = await h.WaitForPhaseAsync(id, CallPhase.Completed);
        var result = await h.WaitForResultAsync(id);
        Assert.Equal((CallOutcome.Completed, CallEndReason.CallerHangUp), (result.Outcome, result.EndReason));
        Assert.Equal(1, done.Turns); // the turn's raised copy was not counted again
        Assert.Empty(h.Dispatcher.Calls); // the answer kept before the start counted: no dispatch
        Assert.Empty(await early.TakeAsync(callId, CancellationToken.None)); // taken, not left behind
    }
}
