namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>
/// Allow; drop without a word (scanners learn nothing); or reject with a status and reason, and for a temporary
/// refusal (503) when to come back (<see cref="RetryAfter"/>, sent as Retry-After).
/// </summary>
public readonly record struct InboundDecision(InboundVerdict Verdict, int Status = 0, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static readonly InboundDecision Allow = new(InboundVerdict.Allow);

    public static InboundDecision Drop(string reason) => new(InboundVerdict.Drop, 0, reason);

    public static InboundDecision Reject(int status, string reason, TimeSpan? retryAfter = null) => new(InboundVerdict.Reject, status, reason, retryAfter);
}
