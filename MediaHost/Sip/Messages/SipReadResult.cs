namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The result of parsing: a message, or a specific reason it is malformed. When the request's method and a Via could
/// be read, <see cref="Partial"/> holds what was read so the server can answer with <see cref="RejectStatus"/> (400,
/// or 505 for a SIP version we do not speak) and the reason; otherwise the input can only be dropped.
/// </summary>
public readonly record struct SipReadResult(SipReadStatus Status, SipMessage? Message, string? Error, SipMessage? Partial = null, int RejectStatus = 400)
{
    public static SipReadResult NeedMore => new(SipReadStatus.NeedMoreData, null, null);

    public static SipReadResult Ok(SipMessage message) => new(SipReadStatus.Done, message, null);

    public static SipReadResult Invalid(string error, SipMessage? partial = null, int rejectStatus = 400) =>
        new(SipReadStatus.Invalid, null, error, partial, rejectStatus);
}
