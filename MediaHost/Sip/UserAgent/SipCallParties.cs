namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Who a call is between, as its INVITE says.</summary>
/// <param name="Caller">The caller's number or SIP user (From).</param>
/// <param name="Called">The called number or SIP user (To / Request-URI).</param>
/// <param name="ExposedHeaders">INVITE headers the options expose to the call handler (X-* and the like).</param>
public sealed record SipCallParties(string Caller, string Called, IReadOnlyDictionary<string, string> ExposedHeaders);
