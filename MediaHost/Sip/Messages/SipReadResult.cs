namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The result of parsing: a message, or a specific reason it is malformed. When the start line and the headers
/// needed to answer (Via, From, To, Call-ID, CSeq) could be read, <see cref="Partial"/> holds them so the server
/// can answer 400 with the reason; otherwise the input can only be dropped.
/// </summary>
public readonly record struct SipReadResult(SipReadStatus Status, SipMessage? Message, string? Error, SipMessage? Partial = null)
{
    public static SipReadResult NeedMore => new(SipReadStatus.NeedMoreData, null, null);

    public static SipReadResult Ok(SipMessage message) => new(SipReadStatus.Done, message, null);

    public static SipReadResult Invalid(string error, SipMessage? partial = null) => new(SipReadStatus.Invalid, null, error, partial);
}
