using Microsoft.DurableTask;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// How a campaign's answered call tells its attempt that it is over: the call's own orchestration, once it has
/// finalized the record, sends <see cref="EventName"/> to the attempt's orchestration (found from the call id, see
/// <see cref="CampaignIds.AttemptInstanceOfCall"/>), so the attempt frees its place in the campaign's concurrency at
/// once instead of on its next check. A durable message: sent with the orchestration's step, and buffered by the
/// attempt when it arrives before the attempt waits for it. Calls that are not a campaign's send nothing.
/// </summary>
public static class CampaignCallEnd
{
    public const string EventName = "CallFinalized";

    public static void Notify(TaskOrchestrationContext context, string callId, CallOutcome outcome)
    {
        if (CampaignIds.AttemptInstanceOfCall(callId) is { } attempt)
        {
            context.SendEvent(attempt, EventName, outcome);
        }
    }
}
