using Microsoft.DurableTask;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// One attempt at one number of a campaign (the campaign marked its number in progress when it started it): runs the outbound call's dial steps inline
/// (<see cref="OutboundCallOrchestrator.DialAndRecordUnansweredAsync"/>; the call id is derived from campaign, number
/// and attempt, as is this orchestration's instance id, so a replay never dials twice), waits for an answered call to
/// end (it holds its place in the campaign's concurrency until then: the call's orchestration tells it at finalize,
/// <see cref="CampaignCallEnd"/>), settles it (the retry rule of its outcome, Machine when the answered call's record says so; the number's row written, <see cref="SettleCampaignAttemptActivity"/>), tells the campaign, and only then
/// sends an unanswered call's post-call report (whose retries must not hold the place). It always tells the campaign,
/// even when a step failed: a place the campaign never gets back would stall it.
/// </summary>
public sealed class CampaignAttemptOrchestrator : TaskOrchestrator<CampaignAttemptInput, AttemptEnded>
{
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0));

    public override async Task<AttemptEnded> RunAsync(TaskOrchestrationContext context, CampaignAttemptInput input)
    {
        var (work, settings) = (input.Work, input.Settings);
        var callId = CampaignIds.CallId(input.CampaignId, work.Index, work.Attempt);
        var startedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        AttemptEnded ended;
        var reportUnanswered = false;
        try
        {
            // The number was marked in progress when the campaign started this attempt (StartCampaignAttemptsActivity).
            var start = new OutboundCallStart(callId, work.To, settings.From, settings.RingTimeoutSeconds, work.Variables, startedAt);
            var result = await OutboundCallOrchestrator.DialAndRecordUnansweredAsync(context, start);
            reportUnanswered = result.Outcome != DialOutcome.Answered;
            if (!reportUnanswered)
            {
                await WaitForCallEndAsync(context, callId, settings);
            }
            // The outcome the retry rules see: the dial's, or Machine when the call's record says detection heard one.
            var settled = await context.CallActivityAsync<AttemptSettled>(CampaignActivityNames.SettleCampaignAttempt, new SettleAttemptInput(input.CampaignId,
                work.Index, work.Attempt, result.Outcome, callId, startedAt, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), settings.Retry), Retried);
            ended = new AttemptEnded(work, settled.Outcome, callId, settled.RetryAt?.UtcDateTime);
        }
        catch (TaskFailedException)
        {
            // Storage failed even after retries: the campaign still learns the attempt ended, counted as failed, not retried.
            ended = new AttemptEnded(work, DialOutcome.Failed, callId, null);
        }
        context.SendEvent(input.CampaignInstanceId, CampaignOrchestrator.AttemptEndedEvent, ended);
        if (reportUnanswered)
        {
            await PostCallReports.DeliverAsync(context, callId);
        }
        return ended;
    }

    /// <summary>
    /// Until the call's orchestration says it finalized the record (<see cref="CampaignCallEnd"/>), with a check of the
    /// record every <see cref="CampaignSettings.CallEndCheckSeconds"/> as the safety net (a record closed by
    /// reconciliation sends no notice), and at most <see cref="CampaignSettings.MaxCallMinutes"/>.
    /// </summary>
    private static async Task WaitForCallEndAsync(TaskOrchestrationContext context, string callId, CampaignSettings settings)
    {
        var giveUpAt = context.CurrentUtcDateTime.AddMinutes(settings.MaxCallMinutes);
        var notice = context.WaitForExternalEvent<CallOutcome>(CampaignCallEnd.EventName);
        // The record is first checked one check interval after the answer, not at once (an activity per call saved): only
        // a record closed without a call orchestration (reconciliation) sends no notice, and that is rare.
        while (context.CurrentUtcDateTime < giveUpAt)
        {
            using var timerCancel = new CancellationTokenSource();
            var next = context.CurrentUtcDateTime.AddSeconds(settings.CallEndCheckSeconds);
            var check = context.CreateTimer(next < giveUpAt ? next : giveUpAt, timerCancel.Token);
            if (await Task.WhenAny(notice, check) == notice)
            {
                timerCancel.Cancel();
                return;
            }
            if (await context.CallActivityAsync<bool>(CampaignActivityNames.IsCallFinished, callId, Retried))
            {
                return;
            }
        }
    }
}
