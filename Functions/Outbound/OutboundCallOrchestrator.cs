using Microsoft.DurableTask;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// One outbound call's dialling: dial the callee once (no automatic redial: a repeated dial could ring the callee
/// twice; campaigns decide retries by outcome), then either the answered call runs as an inbound one — its own
/// CallOrchestrator, started by the room's webhooks (LiveKit) or the MediaHost's "answered" event (direct), writes and
/// finalizes its record and sends its post-call report — or, unanswered, the record is written here as such and the
/// post-call report sent. The custom status is "dialing" then "completed"; the output is the <see cref="DialResult"/>.
/// </summary>
public sealed class OutboundCallOrchestrator : TaskOrchestrator<OutboundCallStart, DialResult>
{
    public const string Dialing = "dialing";
    public const string Completed = "completed";

    public override async Task<DialResult> RunAsync(TaskOrchestrationContext context, OutboundCallStart input)
    {
        context.SetCustomStatus(Dialing);
        var result = await DialAndRecordAsync(context, input);
        context.SetCustomStatus(Completed);
        return result;
    }

    /// <summary>Dial, and for an unanswered call write its record and send its post-call report.</summary>
    public static async Task<DialResult> DialAndRecordAsync(TaskOrchestrationContext context, OutboundCallStart input)
    {
        var result = await DialAndRecordUnansweredAsync(context, input);
        if (result.Outcome != DialOutcome.Answered)
        {
            await PostCallReports.DeliverAsync(context, input.CallId);
        }
        return result;
    }

    /// <summary>
    /// The call's steps but the post-call report, also run inline by a campaign's attempt (which sends an unanswered
    /// call's report after it has freed its place): dial, and write the record of a call that was not answered.
    /// </summary>
    public static async Task<DialResult> DialAndRecordUnansweredAsync(TaskOrchestrationContext context, OutboundCallStart input)
    {
        DialResult result;
        try
        {
            result = await context.CallActivityAsync<DialResult>(OutboundActivityNames.DialCallee, input);
        }
        catch (TaskFailedException e)
        {
            result = new DialResult(DialOutcome.Failed, null, "dialling failed: " + e.FailureDetails.ErrorMessage);
        }
        if (result.Outcome == DialOutcome.Answered)
        {
            // Direct mode: the call runs from the answer even if the MediaHost's own events about it are lost.
            try
            {
                await context.CallActivityAsync<bool>(OutboundActivityNames.StartAnsweredCall,
                    new AnsweredCallInput(input, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)),
                    TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0)));
            }
            catch (TaskFailedException)
            {
                // Storage stayed unreachable: the MediaHost's "answered" event is then the only start, as before.
            }
        }
        else
        {
            await context.CallActivityAsync<bool>(OutboundActivityNames.RecordUnansweredCall,
                new UnansweredCallInput(input, result, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)),
                TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0)));
        }
        return result;
    }
}
