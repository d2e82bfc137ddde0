using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Whether a number is tried again after an attempt, by the rule of the attempt's outcome.</summary>
public static class RetryDecision
{
    /// <returns>The wait before the next attempt, or null when the outcome is final for the number.</returns>
    public static TimeSpan? Next(DialOutcome outcome, int attemptsMade, RetryRules rules)
    {
        var rule = outcome switch
        {
            DialOutcome.Busy => rules.Busy,
            DialOutcome.NoAnswer => rules.NoAnswer,
            DialOutcome.Machine => rules.Machine,
            DialOutcome.Failed => rules.Failed,
            _ => null, // answered and rejected numbers are never called again
        };
        return rule is not null && attemptsMade < rule.MaxAttempts ? TimeSpan.FromSeconds(rule.DelaySeconds) : null;
    }
}
