namespace VoiceFunctions.MediaHost.Sip.Auth;

public enum DigestVerdict
{
    /// <summary>No credentials: challenge.</summary>
    Missing,
    /// <summary>Right credentials.</summary>
    Valid,
    /// <summary>Right credentials on an expired nonce: challenge again with stale=true (not a failure).</summary>
    Stale,
    /// <summary>Wrong password, unknown user, forged nonce or malformed header: a failure (counts toward a ban).</summary>
    Invalid,
}
