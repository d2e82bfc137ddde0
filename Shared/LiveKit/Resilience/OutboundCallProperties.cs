using Polly;

namespace VoiceFunctions.Shared.Resilience;

/// <summary>Per-call facts the shared pipeline reads from the <see cref="ResilienceContext"/>.</summary>
public static class OutboundCallProperties
{
    /// <summary>
    /// True when repeating the call cannot do anything twice (reads, deletes, set-to-value updates, or a
    /// create that is idempotent by design). Unset = false: a call is never retried unless it says so.
    /// </summary>
    public static readonly ResiliencePropertyKey<bool> SafeToRepeat = new("VoiceFunctions.SafeToRepeat");

    /// <summary>Overrides the per-attempt timeout for one call (e.g. a dial that waits for the answer).</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> AttemptTimeout = new("VoiceFunctions.AttemptTimeout");
}
