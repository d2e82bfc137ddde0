using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>The responses the user agent and both call legs build the same way, each stamped with our Server header.</summary>
internal sealed class SipResponses(string productName)
{
    public SipMessage Create(SipMessage request, int status, string reason, string? toTag = null)
    {
        var response = SipResponseBuilder.Create(request, status, reason, toTag);
        response.Headers.Add(SipHeaderNames.Server, productName);
        return response;
    }

    /// <summary>
    /// The answer to an SDP offer we cannot take (first INVITE or re-INVITE): 488 when nothing matches, 400 when the
    /// SDP is malformed, with the negotiator's reason in a Warning (code 304, media type not available).
    /// </summary>
    public SipMessage OfferRefusal(SipMessage request, SdpNegotiation negotiation, string? toTag = null)
    {
        var refused = Create(request, negotiation.FailureStatus, negotiation.FailureStatus == 488 ? "Not Acceptable Here" : "Bad Request", toTag);
        refused.Headers.Add(SipHeaderNames.Warning, "304 - " + SipSyntax.Quote(negotiation.FailureReason!));
        return refused;
    }

    /// <summary>
    /// The SIP extensions (option tags) we implement: none. We used to claim "replaces" without handling Replaces;
    /// an empty Supported tells peers the truth, and a request that requires an extension gets 420 (<see cref="UnsupportedExtensions"/>).
    /// </summary>
    public const string SupportedExtensions = "";

    /// <summary>
    /// The option tags of the request's Require header we do not implement (all of them: we implement none); empty when it
    /// requires nothing. RFC 3261 section 8.2.2.3: such a request is refused 420 Bad Extension listing them in Unsupported.
    /// </summary>
    public static IReadOnlyList<string> UnsupportedExtensions(SipMessage request) =>
        request.Headers.GetAll(SipHeaderNames.Require); // split over repeated headers and commas

    /// <summary>True for the Request-URI schemes we serve: sip, sips and tel (RFC 3261 section 8.2.2.1; else 416).</summary>
    public static bool IsServedScheme(string? requestUri)
    {
        var colon = requestUri?.IndexOf(':') ?? -1;
        if (colon <= 0)
        {
            return false;
        }
        var scheme = requestUri.AsSpan(0, colon);
        return scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("tel", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Why a Request-URI of a served scheme is malformed, or null: it must parse (an IPv6 host in brackets, RFC 5118),
    /// and it may not carry headers ("?Route=...", RFC 3261 section 19.1.5).
    /// </summary>
    public static string? RequestUriFault(string? requestUri)
    {
        if (!SipUri.TryParse(requestUri, out var uri))
        {
            return "malformed Request-URI";
        }
        return uri.Headers is null ? null : "headers in the Request-URI";
    }

    /// <summary>200 to OPTIONS, in a dialog or not: what we do and read (RFC 3261 section 11.2: Allow, Accept, Supported).</summary>
    public SipMessage OptionsAnswer(SipMessage request, string? toTag = null)
    {
        var ok = Create(request, 200, "OK", toTag);
        ok.Headers.Add(SipHeaderNames.Allow, SipUserAgentOptions.Allow);
        ok.Headers.Add(SipHeaderNames.Accept, SipContentTypes.All);
        ok.Headers.Add(SipHeaderNames.Supported, SupportedExtensions);
        return ok;
    }

    /// <summary>503 refusing a new call for <paramref name="why"/>, with when to try again (RFC 3261 section 21.5.4).</summary>
    public SipMessage ServiceUnavailable(SipMessage invite, string why, int retryAfterSeconds)
    {
        var unavailable = Create(invite, 503, "Service Unavailable - " + why, SipIds.Tag());
        unavailable.Headers.Add(SipHeaderNames.RetryAfter, retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return unavailable;
    }

    /// <summary>405 for a method we know but do not take here, with the Allow it must carry (RFC 3261 section 21.4.6).</summary>
    public SipMessage MethodNotAllowed(SipMessage request, string? toTag = null)
    {
        var notAllowed = Create(request, 405, "Method Not Allowed", toTag);
        notAllowed.Headers.Add(SipHeaderNames.Allow, SipUserAgentOptions.Allow);
        return notAllowed;
    }

    /// <summary>
    /// 200 to an INVITE or re-INVITE with our SDP (answer, or offer when the INVITE had none). Record-Route is echoed
    /// so a dialog-creating 200 teaches the caller the route set (RFC 3261 section 12.1.1); the empty Recv-Info says
    /// we take no Info Package (RFC 6086 section 4.2.1), so peers send DTMF as legacy INFO or RTP events.
    /// </summary>
    public SipMessage OkWithSdp(SipMessage request, string localTag, string contact, string sdp)
    {
        var ok = Create(request, 200, "OK", localTag);
        ok.Headers.CopyFrom(request.Headers, SipHeaderNames.RecordRoute);
        ok.Headers.Add(SipHeaderNames.Contact, contact);
        ok.Headers.Add(SipHeaderNames.Allow, SipUserAgentOptions.Allow);
        ok.Headers.Add(SipHeaderNames.Supported, SupportedExtensions);
        ok.Headers.Add(SipHeaderNames.RecvInfo, SipInfoAnswer.ReceivedPackages);
        ok.Headers.Add(SipHeaderNames.ContentType, SipContentTypes.Sdp);
        ok.Body = System.Text.Encoding.UTF8.GetBytes(sdp);
        return ok;
    }
}
