using Microsoft.DurableTask;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// One attempt at one number of a campaign: marks the number in progress, runs the outbound call orchestration's
/// steps inline (<see cref="OutboundCallOrchestrator.DialAndRecordAsync"/>; the call id is derived from campaign,
/// number and attempt, as is this orchestration's instance id, so a replay never dials twice), waits for an answered call to end (it holds its place in the campaign's concurrency until then),
/// applies the retry rule, writes the number's state, and tells the campaign. It always tells the campaign, even
/// when a step failed: a place the campaign never gets back would stall it.
/// </summary>
public sealed class CampaignAttemptOrchestrator : TaskOrchestrator<CampaignAttemptInput, AttemptEnded>
{
    /// <summary>The waits between checks of whether an answered call ended, in seconds; the last repeats.</summary>
    private static readonly int[] EndChecks = [1, 1, 2, 3, 5, 10, 15, 30];

    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0));

    public override async Task<AttemptEnded> RunAsync(TaskOrchestrationContext context, CampaignAttemptInput input)
    {
        var (work, settings) = (input.Work, input.Settings);
        var callId = CampaignIds.CallId(input.CampaignId, work.Index, work.Attempt);
        var startedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        AttemptEnded ended;
        try
        {
            await context.CallActivityAsync<bool>(CampaignActivityNames.RecordCampaignNumber, new CampaignNumberUpdate(input.CampaignId, work.Index,
                CampaignNumberState.InProgress, null, work.Attempt, callId, startedAt, null), Retried);
            var result = await DialAsync(context, input, callId, startedAt);
            if (result.Outcome == DialOutcome.Answered)
            {
                await WaitForCallEndAsync(context, callId, settings.MaxCallMinutes);
            }
            var delay = RetryDecision.Next(result.Outcome, work.Attempt, settings.Retry);
            DateTime? retryAt = delay is { } d ? context.CurrentUtcDateTime + d : null;
            ended = new AttemptEnded(work, result.Outcome, callId, retryAt);
            await context.CallActivityAsync<bool>(CampaignActivityNames.RecordCampaignNumber, new CampaignNumberUpdate(input.CampaignId, work.Index,
                retryAt is null ? CampaignNumberState.Done : CampaignNumberState.WaitingToRetry, result.Outcome, work.Attempt, callId, startedAt,
                retryAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null), Retried);
        }
        catch (TaskFailedException)
        {
            // Storage failed even after retries: the campaign still learns the attempt ended, counted as failed, not retried.
            ended = new AttemptEnded(work, DialOutcome.Failed, callId, null);
        }
        context.SendEvent(input.CampaignInstanceId, CampaignOrchestrator.AttemptEndedEvent, ended);
        return ended;
    }

    private static async Task<DialResult> DialAsync(TaskOrchestrationContext context, CampaignAttemptInput input, string callId, DateTimeOffset startedAt)
    {
        var start = new OutboundCallStart(callId, input.Work.To, input.Settings.From, input.Settings.RingTimeoutSeconds, input.Work.Variables, startedAt);
        return await OutboundCallOrchestrator.DialAndRecordAsync(context, start);
    }

    private static async Task WaitForCallEndAsync(TaskOrchestrationContext context, string callId, int maxCallMinutes)
    {
        var giveUpAt = context.CurrentUtcDateTime.AddMinutes(maxCallMinutes);
        for (var check = 0; context.CurrentUtcDateTime < giveUpAt; check++)
        {
            await context.CreateTimer(TimeSpan.FromSeconds(EndChecks[Math.Min(check, EndChecks.Length - 1)]), CancellationToken.None);
            if (await context.CallActivityAsync<bool>(CampaignActivityNames.IsCallFinished, callId, Retried))
            {
                return;
            }
        }
    }
}
