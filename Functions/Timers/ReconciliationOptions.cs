using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Timers;

/// <summary>Configuration section "Reconciliation": closing calls whose end was never reported.</summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    /// <summary>
    /// Minutes after its start before an open call is checked against LiveKit. Default 10: well past
    /// LiveKit's 30 s webhook queue limit, so a call is only examined once its own events had every chance.
    /// </summary>
    [Range(1, 24 * 60)]
    public int GracePeriodMinutes { get; set; } = 10;
}
