using System.Net;
using VoiceFunctions.MediaHost.Sip.Auth;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>A call we place (direct mode): who to call, where to send the INVITE, and the account if challenged.</summary>
/// <param name="Target">The Request-URI, e.g. "sip:+15550001111@provider.example".</param>
/// <param name="Destination">Where the INVITE goes (the provider's proxy or the callee).</param>
/// <param name="FromUser">The user part of our From (our number or account).</param>
/// <param name="Credentials">Answers a 401/407 challenge once; null: a challenge fails the call.</param>
public sealed record SipOutboundCallRequest(string Target, IPEndPoint Destination, string FromUser, DigestCredentials? Credentials = null);
