namespace VoiceFunctions.Shared.Outbound;

/// <summary>How dialling one callee ended.</summary>
/// <param name="Outcome">Answered, busy, no answer, rejected or failed.</param>
/// <param name="SipStatus">The final SIP status when one was received (200, 486, 487 …), else null.</param>
/// <param name="Reason">A short explanation without phone numbers, e.g. "486 Busy Here".</param>
public sealed record DialResult(DialOutcome Outcome, int? SipStatus, string Reason)
{
    public static DialResult FromSip(int status, string reason) =>
        new(DialOutcomes.FromSipStatus(status), status, $"{status} {reason}".Trim());
}
