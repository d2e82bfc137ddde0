using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// What an attempt tells its campaign when it ended: the outcome, and when the retry rule wants the number tried
/// again (null: the outcome is the number's final result).
/// </summary>
/// <param name="Work">The number and the attempt that ended (a retry is the same number with the next attempt).</param>
public sealed record AttemptEnded(CampaignWork Work, DialOutcome Outcome, string CallId, DateTime? RetryAt);
