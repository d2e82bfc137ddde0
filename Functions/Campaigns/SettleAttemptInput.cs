using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>An attempt whose call is over, to be settled (<see cref="SettleCampaignAttemptActivity"/>).</summary>
/// <param name="DialOutcome">What the dial said; an answered call's record may still say a machine answered.</param>
/// <param name="EndedAt">The attempt's orchestration time when the call was over: a retry is due its rule's delay after it.</param>
public sealed record SettleAttemptInput(string CampaignId, int Index, int Attempt, DialOutcome DialOutcome, string CallId, DateTimeOffset StartedAt,
    DateTimeOffset EndedAt, RetryRules Retry);
