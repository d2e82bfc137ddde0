using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>An attempt's outcome as the retry rules see it, and when the number is due again (null: final).</summary>
public sealed record AttemptSettled(DialOutcome Outcome, DateTimeOffset? RetryAt);
