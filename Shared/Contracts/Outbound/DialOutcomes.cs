namespace VoiceFunctions.Shared.Outbound;

/// <summary>Maps the final SIP status of an INVITE we sent onto a <see cref="DialOutcome"/>, the same way in both modes.</summary>
public static class DialOutcomes
{
    public static DialOutcome FromSipStatus(int status) => status switch
    {
        >= 200 and < 300 => DialOutcome.Answered,
        486 or 600 => DialOutcome.Busy,
        408 or 480 or 487 => DialOutcome.NoAnswer,
        >= 500 and < 600 => DialOutcome.Failed,
        >= 400 and < 700 => DialOutcome.Rejected,
        _ => DialOutcome.Failed,
    };
}
