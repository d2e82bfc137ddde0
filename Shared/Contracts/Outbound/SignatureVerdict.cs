namespace VoiceFunctions.Shared.Outbound;

/// <summary>What <see cref="BodySignature.Verify"/> found.</summary>
public enum SignatureVerdict
{
    Valid,
    /// <summary>No signature header.</summary>
    Missing,
    /// <summary>The header is not "t=…,kid=…,v1=&lt;64 hex&gt;".</summary>
    Malformed,
    /// <summary>The timestamp is outside the tolerance (an old request replayed, or a clock far off).</summary>
    Stale,
    /// <summary>The key id is not one the receiver knows.</summary>
    UnknownKey,
    /// <summary>The body or timestamp was changed, or the secret differs.</summary>
    Mismatch,
}
