namespace VoiceFunctions.Shared.Campaigns;

/// <summary>How often a number is tried after one outcome, and how long to wait in between.</summary>
/// <param name="MaxAttempts">The most attempts for the number in all, the first included, when its last attempt ended with this outcome (1-10; 1: no retry).</param>
/// <param name="DelaySeconds">The wait before the next attempt, in seconds (0-86400).</param>
public sealed record RetryRule(int MaxAttempts, int DelaySeconds);
