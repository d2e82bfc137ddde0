using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Settles an attempt whose call is over: its outcome is the dial's, except that an answered call whose record says a
/// machine answered (the MediaHost's answering-machine detection: on the agent's leg in LiveKit mode, where the dial
/// already said Answered, or a message left on a machine in direct mode) is <see cref="DialOutcome.Machine"/>, so the
/// campaign's machine rule applies in both modes. Then the retry rule of that outcome, and the number's row written.
/// One activity, as the row write alone was: the record is read only for an answered call.
/// </summary>
public sealed class SettleCampaignAttemptActivity(CampaignStore campaigns, CallStore calls) : CallActivity<SettleAttemptInput, AttemptSettled>
{
    /// <summary>The record's <see cref="CallRecord.AnsweredBy"/> when detection heard a machine.</summary>
    public const string Machine = "machine";

    public override async Task<AttemptSettled> ExecuteAsync(SettleAttemptInput input, CancellationToken ct)
    {
        var outcome = input.DialOutcome;
        if (outcome == DialOutcome.Answered && await calls.GetAsync(input.CallId, ct).ConfigureAwait(false) is { AnsweredBy: Machine })
        {
            outcome = DialOutcome.Machine;
        }
        DateTimeOffset? retryAt = RetryDecision.Next(outcome, input.Attempt, input.Retry) is { } delay ? input.EndedAt + delay : null;
        await campaigns.UpdateNumberAsync(new CampaignNumberUpdate(input.CampaignId, input.Index,
            retryAt is null ? CampaignNumberState.Done : CampaignNumberState.WaitingToRetry, outcome, input.Attempt, input.CallId, input.StartedAt, retryAt), ct)
            .ConfigureAwait(false);
        return new AttemptSettled(outcome, retryAt);
    }
}
