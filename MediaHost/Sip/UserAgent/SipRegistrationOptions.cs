using System.Net;
using VoiceFunctions.MediaHost.Sip.Auth;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Registration of our contact at a provider's registrar (direct mode; LiveKit SIP itself never registers).</summary>
/// <param name="Registrar">Where REGISTER is sent.</param>
/// <param name="Domain">The registrar's domain: the Request-URI is sip:Domain.</param>
/// <param name="Credentials">The account; its username is also the user of our address-of-record.</param>
/// <param name="Expires">Requested registration lifetime (default 300 s).</param>
/// <param name="RetryAfterFailure">Wait before registering again after a first failure (default 30 s); doubled per further consecutive failure.</param>
/// <param name="MaxRetryAfterFailure">Ceiling of that wait (default 10 min): a recovered registrar is found again within it.</param>
public sealed record SipRegistrationOptions(IPEndPoint Registrar, string Domain, DigestCredentials Credentials, TimeSpan? Expires = null,
    TimeSpan? RetryAfterFailure = null, TimeSpan? MaxRetryAfterFailure = null);
