using Microsoft.DurableTask;
using VoiceFunctions.Functions.Activities;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// LiveKit mode: dispatches the agent up to the configured number of times, until it answered or the call ended.
/// Events are acted on while a dispatch request is out: a caller who leaves, or an answer, ends the dispatching at once.
/// </summary>
internal sealed class AgentDispatching(CallRun run)
{
    /// <summary>Why the last dispatch failed (null: none failed), for the fallback's reason.</summary>
    public string? LastFailure { get; private set; }

    public async Task UntilAnsweredAsync()
    {
        var settings = run.Start.Settings;
        while (run.Attempt < settings.MaxDispatchAttempts && !run.AnsweredOrEnded)
        {
            run.Attempt++;
            run.SetStatus(CallPhase.DispatchingAgent);
            try
            {
                if (!await DispatchOnceAsync(settings))
                {
                    return; // answered or ended while the request was out: nothing more to dispatch
                }
            }
            catch (TaskFailedException e)
            {
                LastFailure = e.FailureDetails.ErrorMessage;
                OrchestrationLog.DispatchFailed(run.Context.CreateReplaySafeLogger<CallOrchestrator>(), run.CallId, run.Attempt, e.FailureDetails.ErrorMessage);
                continue;
            }

            run.SetStatus(CallPhase.WaitingForAgent);
            var agentLegEnded = false;
            await run.WaitUntilAsync(run.Now + settings.AgentAnswerTimeout,
                () => run.AnsweredOrEnded || agentLegEnded,
                observe: e => agentLegEnded |= e.Kind == CallEventKind.AgentLeft && run.State.AnsweredAt is null);
            if (!run.AnsweredOrEnded)
            {
                OrchestrationLog.AgentDidNotAnswer(run.Context.CreateReplaySafeLogger<CallOrchestrator>(), run.CallId, run.Attempt);
            }
        }
    }

    /// <summary>
    /// One dispatch: the request, retried on transient failures with a doubling delay. The retries are ours, not a
    /// Durable retry policy, so the call's events are acted on during the delays too and nothing is left scheduled
    /// when the call settles. True once LiveKit took the request; false when the call was answered or ended first;
    /// throws the last failure when the request was rejected or every attempt failed.
    /// </summary>
    private async Task<bool> DispatchOnceAsync(CallSettings settings)
    {
        var delay = settings.DispatchRetryInterval;
        for (var attempt = 1; ; attempt++)
        {
            var request = run.Context.CallActivityAsync<string>(ActivityNames.DispatchAgent, new DispatchAgentInput(run.CallId, run.Start.RoomName, run.Attempt));
            try
            {
                if (!await run.ListenWhileAsync(request))
                {
                    return false;
                }
                await request;
                return true;
            }
            // A rejected dispatch (bad trunk, no permission) cannot succeed on a retry. (Compared by name: the failure's
            // type is not always loadable where the orchestrator runs.)
            catch (TaskFailedException e) when (attempt < settings.DispatchActivityAttempts && e.FailureDetails.ErrorType != typeof(AgentDispatchRejectedException).FullName)
            {
                if (await run.WaitUntilAsync(run.Now + delay, () => run.AnsweredOrEnded))
                {
                    return false;
                }
                delay *= 2;
            }
        }
    }
}
