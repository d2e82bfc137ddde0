using Microsoft.DurableTask;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// The orchestration step that sends a finalized call's post-call report. The delivery is a durable activity retried
/// by the Durable runtime with exponential backoff (state in the task hub, so a host restart loses nothing); each
/// attempt itself retries quickly with jitter (Http.Resilience). A delivery given up on is on the call's timeline and
/// never fails the call.
/// </summary>
public static class PostCallReports
{
    /// <summary>Durable attempts: 1 s, 2 s, 4 s … capped at 5 min between attempts, 12 attempts (about 15 min in all).</summary>
    public static RetryPolicy DeliveryRetry { get; } = new(12, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromMinutes(5));

    public static async Task DeliverAsync(TaskOrchestrationContext context, string callId)
    {
        try
        {
            await context.CallActivityAsync<bool>(OutboundActivityNames.DeliverPostCallReport, callId, TaskOptions.FromRetryPolicy(DeliveryRetry));
        }
        catch (TaskFailedException)
        {
            // Recorded on the timeline by the last attempt; the call itself is finished either way.
        }
    }
}
