using System.Net;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>The digest check of a new INVITE (when inbound authentication is on).</summary>
internal static class SipInviteAuthentication
{
    /// <summary>True when the INVITE carries valid credentials; otherwise it is challenged (401), and a wrong answer is counted against its source.</summary>
    public static bool Passes(DigestServer auth, SipMessage request, SipServerTransaction transaction, IPEndPoint source, IInboundPolicy policy, SipEndpoint endpoint)
    {
        var verdict = auth.Verify(request);
        if (verdict == DigestVerdict.Valid)
        {
            return true;
        }
        if (verdict == DigestVerdict.Invalid)
        {
            policy.AuthenticationFailed(source);
        }
        var challenge = endpoint.Responses.Create(request, 401, "Unauthorized", SipIds.Tag());
        foreach (var value in auth.Challenges(stale: verdict == DigestVerdict.Stale))
        {
            challenge.Headers.Add(SipHeaderNames.WwwAuthenticate, value);
        }
        endpoint.Respond(transaction, challenge);
        return false;
    }
}
