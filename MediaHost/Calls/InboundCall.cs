namespace VoiceFunctions.MediaHost.Calls;

/// <summary>What is known about a call when it arrives, before it is answered.</summary>
/// <param name="CallId">Our id for the call (stable across both planes; in LiveKit mode, derived from the SIP Call-ID).</param>
/// <param name="Caller">The caller's number or SIP user (From).</param>
/// <param name="Called">The called number or SIP user (To / Request-URI).</param>
/// <param name="SipHeaders">Headers of the INVITE that the policy chose to expose (X-* headers and the like).</param>
/// <param name="Codec">The negotiated codec name, for example "PCMU/8000" or "opus/48000/2".</param>
public sealed record InboundCall(
    string CallId,
    string Caller,
    string Called,
    IReadOnlyDictionary<string, string> SipHeaders,
    string Codec);
