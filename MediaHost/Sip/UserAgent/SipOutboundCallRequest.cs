using System.Net;
using VoiceFunctions.MediaHost.Rtp.Srtp;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>A call we place (direct mode): who to call, where to send the INVITE, and the account if challenged.</summary>
/// <param name="Target">The Request-URI, e.g. "sip:+15550001111@provider.example".</param>
/// <param name="Destination">Where the INVITE goes (the provider's proxy or the callee).</param>
/// <param name="FromUser">The user part of our From (our number or account).</param>
/// <param name="Credentials">Answers a 401/407 challenge once; null: a challenge fails the call.</param>
/// <param name="MediaEncryption">
/// The trunk's SDES-SRTP setting: Required offers RTP/SAVP and ends the call on a plain answer, Allowed offers best-effort
/// SRTP (RTP/AVP with a=crypto) and takes a plain answer, Off offers plain RTP (see <see cref="SdesOffer"/>).
/// </param>
/// <param name="SrtpSuites">The suites our offer names, in preference order; null: AES_CM_128_HMAC_SHA1_80, then _32.</param>
public sealed record SipOutboundCallRequest(string Target, IPEndPoint Destination, string FromUser, DigestCredentials? Credentials = null,
    MediaEncryption MediaEncryption = MediaEncryption.Off, IReadOnlyList<SrtpSuite>? SrtpSuites = null);
