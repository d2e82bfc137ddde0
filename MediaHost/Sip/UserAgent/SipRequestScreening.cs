using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The checks every new request passes before it is routed (RFC 3261 section 8.2): a URI scheme we serve (416), a
/// well-formed Request-URI (400), no extension we lack in Require (420), and for a new INVITE the digest challenge
/// when inbound authentication is on (401/403). Answers the request itself when it refuses it. Runs under the
/// endpoint's lock.
/// </summary>
internal sealed class SipRequestScreening(SipEndpoint endpoint, SipUserAgentOptions options, IInboundPolicy policy)
{
    private SipResponses Responses => endpoint.Responses;

    /// <summary>True when the request was refused (and answered); false when it may be routed.</summary>
    public bool Refuses(SipMessage request, SipServerTransaction transaction, IPEndPoint source)
    {
        if (!SipResponses.IsServedScheme(request.RequestUri))
        {
            // RFC 3261 section 8.2.2.1: a scheme we do not serve (im:, mailto:, http:...) is refused, never treated as a call.
            endpoint.Respond(transaction, Responses.Create(request, 416, "Unsupported URI Scheme", NewTagFor(request)));
            return true;
        }
        if (SipResponses.RequestUriFault(request.RequestUri) is { } uriFault)
        {
            var badUri = Responses.Create(request, 400, "Bad Request - " + uriFault, NewTagFor(request));
            badUri.Headers.Add(SipHeaderNames.Warning, "399 - " + SipSyntax.Quote(uriFault));
            endpoint.Respond(transaction, badUri);
            return true;
        }
        if (request.Method != "CANCEL" && request.Headers.Contains(SipHeaderNames.Require) && SipResponses.UnsupportedExtensions(request) is { Count: > 0 } unsupported)
        {
            // A caller that requires reliable provisionals (100rel), session timers and the like must hear that we
            // do not do them, so it can retry without, rather than a call that silently lacks them.
            var badExtension = Responses.Create(request, 420, "Bad Extension", NewTagFor(request));
            badExtension.Headers.Add(SipHeaderNames.Unsupported, string.Join(", ", unsupported));
            endpoint.Respond(transaction, badExtension);
            return true;
        }
        return request.Method == "INVITE" && request.To?.Tag is null && options.InboundAuthentication is { } auth
            && !SipInviteAuthentication.Passes(auth, request, transaction, source, policy, endpoint);
    }

    // Outside a dialog our answer gets a To tag of its own; inside one the dialog's tag stays.
    private static string? NewTagFor(SipMessage request) => request.To?.Tag is null ? SipIds.Tag() : null;
}
