using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Starts an orchestration whose instance id names one thing (a call, a campaign attempt, a dial) at most once: the
/// start asks the provider to refuse it when an instance of that id exists in any state, instead of replacing it.
/// Why: without dedupe statuses the local host's Azure Storage provider replaced an existing instance (a running one
/// too) with a new execution, and two starters that both found no instance a moment earlier (the dial's answer and the
/// MediaHost's "answered" event of a campaign call) left the call's events with an execution that was discarded: the
/// call stayed in "Recording" for good. The provider checks and then writes its instance row with an insert, so of two
/// starts at the same moment one row wins and the other start's message is discarded by the provider; a start that
/// comes after the row exists is refused (<see cref="OrchestrationAlreadyExistsException"/>: the hosts set the provider
/// to throw, as the Functions host does).
/// </summary>
public static class StartOnce
{
    /// <summary>Every runtime status: an id is never reused, not even after its instance ended.</summary>
    private static readonly OrchestrationRuntimeStatus[] AnyStatus = Enum.GetValues<OrchestrationRuntimeStatus>();

    /// <summary>Options that start <paramref name="instanceId"/> only if no instance of that id exists.</summary>
    public static StartOrchestrationOptions Options(string instanceId) => new StartOrchestrationOptions(InstanceId: instanceId).WithDedupeStatuses(AnyStatus);

    /// <returns>True when this call started it; false when an instance of that id existed already.</returns>
    public static Task<bool> TryStartAsync<TInput>(DurableTaskClient client, TaskName orchestrator, TInput input, string instanceId, CancellationToken ct) =>
        TryStartAsync(client, orchestrator, input, Options(instanceId), ct);

    /// <summary>Starts with <paramref name="options"/>, whose dedupe statuses say which existing instances refuse it.</summary>
    /// <returns>True when this call started it; false when the provider refused it for an existing instance.</returns>
    public static async Task<bool> TryStartAsync<TInput>(DurableTaskClient client, TaskName orchestrator, TInput input, StartOrchestrationOptions options, CancellationToken ct)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, ct).ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }
}
