using System.Globalization;

namespace VoiceFunctions.Shared.Calls.AgentEvents;

/// <summary>
/// One SIP message of a call, as the MediaHost reports it in <see cref="AgentEventMessage.Sip"/>: which request
/// or which response status, which way, when. Only these fields exist: no header, no body, no reason phrase, so
/// an Authorization header, a digest response or a password cannot travel with it.
/// </summary>
public sealed record SipMessageSummary
{
    /// <summary>The SIP dialog (leg) it belongs to: a short hash of its Call-ID, so re-dispatched legs stay apart.</summary>
    public required string Leg { get; init; }
    /// <summary>The message's number within its leg, from 1: with <see cref="Leg"/>, its stable identity.</summary>
    public required int Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    public required SipMessageDirection Direction { get; init; }
    /// <summary>A request's method (INVITE, ACK, BYE...); null on a response.</summary>
    public string? Method { get; init; }
    /// <summary>A response's status code; null on a request.</summary>
    public int? Status { get; init; }
    /// <summary>The method of the CSeq (which request a response answers).</summary>
    public required string CSeqMethod { get; init; }

    /// <summary>The most messages of one leg a MediaHost reports (a long call's re-INVITEs and INFOs are cut).</summary>
    public const int MaxPerLeg = 64;

    /// <summary>"INVITE received", "200 sent (INVITE)", "BYE sent", "200 received (BYE)".</summary>
    public string Describe()
    {
        var way = Direction == SipMessageDirection.Received ? "received" : "sent";
        return Status is { } status
            ? $"{status.ToString(CultureInfo.InvariantCulture)} {way} ({CSeqMethod})"
            : $"{Method} {way}";
    }

    /// <summary>Null when the summary is well formed, else what is wrong (one sentence).</summary>
    public string? Problem()
    {
        if (Leg.Length is 0 or > 16 || !Leg.All(char.IsAsciiHexDigitLower))
        {
            return "a SIP summary's leg must be 1 to 16 lower-case hex digits";
        }
        if (Sequence is < 1 or > MaxPerLeg)
        {
            return $"a SIP summary's sequence must be from 1 to {MaxPerLeg}";
        }
        if ((Method is null) == (Status is null))
        {
            return "a SIP summary has either a method (request) or a status (response)";
        }
        if (Status is < 100 or > 699)
        {
            return "a SIP summary's status must be from 100 to 699";
        }
        if (Method is not null && !IsMethod(Method) || !IsMethod(CSeqMethod))
        {
            return "a SIP summary's method must be an upper-case SIP method name";
        }
        return null;
    }

    // Method names only: upper-case letters, short. Anything else (a header value, free text) is refused.
    private static bool IsMethod(string text) => text.Length is > 0 and <= 16 && text.All(char.IsAsciiLetterUpper);
}
