using Microsoft.DurableTask;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// One durable state machine per call: take the events that arrived before it ran, record the call, dispatch the agent
/// and wait for it to answer (<see cref="AgentDispatching"/>: retrying, then falling back to a human or ending the call),
/// wait for the end (caller, room, agent, a transfer or the max-duration timer; <see cref="DirectCallWait"/> in direct
/// mode), and finish (<see cref="CallFinisher"/>: transfer, end in LiveKit, finalize the record, report).
/// The custom status shows the phase at every step.
/// Deterministic: time comes only from the context, waits are durable timers, work is in activities.
/// The Durable Task worker runs this class directly; Azure Functions runs it through
/// <see cref="CallOrchestratorFunction"/>.
/// </summary>
public sealed class CallOrchestrator : TaskOrchestrator<CallStart, CallResult>
{
    public override async Task<CallResult> RunAsync(TaskOrchestrationContext context, CallStart input)
    {
        var run = new CallRun(context, input);
        try
        {
            return await RunCallAsync(run);
        }
        finally
        {
            // An orchestration does not complete while a durable timer it created is still pending.
            run.StopWaiting();
        }
    }

    private static async Task<CallResult> RunCallAsync(CallRun run)
    {
        var context = run.Context;
        var input = run.Start;
        var state = run.State;
        var settings = input.Settings;
        var finisher = new CallFinisher(run);
        var maxDurationDeadline = context.CurrentUtcDateTime + settings.MaxCallDuration;

        // Events delivered before this orchestration ran (the provider may have discarded their raised copies), and the
        // record when the caller is known by then: one activity, the usual case.
        run.SetStatus(CallPhase.Recording);
        var opened = await OpenAsync(run);
        run.ApplyEarly(opened.Early);
        if (!opened.Recorded)
        {
            if (state.Caller is null)
            {
                run.SetStatus(CallPhase.WaitingForCaller);
                await run.WaitUntilAsync(context.CurrentUtcDateTime + settings.CallerJoinTimeout, () => state.Caller is not null || state.CallerGone);
                run.SetStatus(CallPhase.Recording);
            }
            await context.CallActivityAsync<bool>(ActivityNames.RecordCall, RecordInput(input, state.Caller));
        }
        await run.Recording.RecordExistsAsync(); // a recording reported before the record existed

        if (state.Caller is null)
        {
            var why = state.CallerGone ? "the room closed before a caller joined" : "no SIP caller joined the room";
            return await finisher.FinishAsync(CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer, why, endInLiveKit: !state.RoomFinished);
        }

        await run.DrainAsync(); // events that arrived while the record was written (an answer, a hang-up) count now
        var dispatching = new AgentDispatching(run);
        if (!input.Direct)
        {
            await dispatching.UntilAnsweredAsync();
        }
        if (state.AnsweredAt is { } answeredAt)
        {
            // The answer is recorded before the status says InCall, so the live monitor never shows a call
            // in progress whose record lacks its answer time.
            await context.CallActivityAsync<bool>(ActivityNames.MarkAnswered, new MarkAnsweredInput(input.CallId, answeredAt, run.Attempt));
            if (settings.RecordCalls && !input.Direct)
            {
                await run.Recording.StartAsync();
            }
        }
        else if (!run.CallEnded)
        {
            return await finisher.FallBackAsync(dispatching.LastFailure);
        }

        var maxDurationReached = false;
        if (!run.CallEnded)
        {
            run.SetStatus(CallPhase.InCall);
            var ended = input.Direct
                ? await new DirectCallWait(run).UntilEndAsync(maxDurationDeadline)
                : await run.WaitUntilAsync(maxDurationDeadline, () => run.CallEnded, observe: _ => run.SetStatus(CallPhase.InCall));
            if (ended is null)
            {
                return await finisher.FinishAsync(CallOutcome.Failed, CallEndReason.MediaHostLost, DirectCallWait.LostReason(run), endInLiveKit: false);
            }
            maxDurationReached = ended == false;
        }
        return await finisher.FinishEndedAsync(maxDurationReached);
    }

    /// <summary>
    /// The events kept for this call before it ran, and its record when the caller is known. A table that stays
    /// unreachable does not fail the call: it goes on with the events raised into it (the kept ones stay in the table,
    /// and the failure is logged), and records the call in its own step.
    /// </summary>
    private static async Task<OpenCallResult> OpenAsync(CallRun run)
    {
        try
        {
            return await run.Context.CallActivityAsync<OpenCallResult>(ActivityNames.OpenCall, RecordInput(run.Start, run.Start.Caller),
                TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2.0)));
        }
        catch (TaskFailedException e)
        {
            OrchestrationLog.EarlyEventsNotTaken(run.Context.CreateReplaySafeLogger<CallOrchestrator>(), run.CallId, e.FailureDetails.ErrorMessage);
            return new OpenCallResult([], Recorded: false);
        }
    }

    private static RecordCallInput RecordInput(CallStart start, CallerInfo? caller) => new(start.CallId, start.RoomName, start.StartedAt, caller);
}
