using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The answer to an INFO in a dialog (RFC 6086). We take part in no Info Package, so only legacy INFO (no Info-Package
/// header) carrying a DTMF digit is acted on; the rest is refused in the way the RFCs ask, so the sender can tell why.
/// </summary>
internal static class SipInfoAnswer
{
    /// <summary>
    /// The Info Packages we receive, for Recv-Info: none. RFC 6086 section 4.2.1 has a UA that takes none say so with
    /// an empty Recv-Info (in our INVITE, our 200s, and a 469), which also tells the peer we know the mechanism.
    /// </summary>
    public const string ReceivedPackages = "";

    /// <summary>The response to <paramref name="info"/>; a DTMF digit it carries goes to <paramref name="onDigit"/> first.</summary>
    public static SipMessage For(SipResponses responses, SipMessage info, Action<DtmfDigit> onDigit)
    {
        if (info.Headers.Get(SipHeaderNames.InfoPackage) is not null)
        {
            // RFC 6086 section 4.2.2: an Info Package we did not say we receive gets 469 with a Recv-Info listing the
            // ones we do: none, hence the header without a value.
            var badPackage = responses.Create(info, 469, "Bad Info Package");
            badPackage.Headers.Add(SipHeaderNames.RecvInfo, ReceivedPackages);
            return badPackage;
        }
        if (info.Body.IsEmpty)
        {
            // A legacy INFO without a body is a dialog keep-alive some peers send: it is well formed.
            return responses.Create(info, 200, "OK");
        }
        if (!SipContentTypes.IsDtmf(info.ContentType))
        {
            // RFC 3261 section 8.2.3: a body type we do not understand is refused with 415 and an Accept of what we do.
            var unsupported = responses.Create(info, 415, "Unsupported Media Type");
            unsupported.Headers.Add(SipHeaderNames.Accept, SipContentTypes.Dtmf);
            return unsupported;
        }
        if (!DtmfInfoParser.TryParse(info.ContentType, info.Body.Span, out var digit))
        {
            // The type is ours but the body names no digit: the request is malformed (RFC 6086 section 4.2.2 allows 4xx).
            return responses.Create(info, 400, "Bad Request - the DTMF body names no digit");
        }
        onDigit(digit);
        return responses.Create(info, 200, "OK");
    }
}
