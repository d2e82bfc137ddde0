namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>What unprotecting a packet found: only <see cref="Ok"/> packets may be played.</summary>
public enum SrtpStatus
{
    Ok,
    /// <summary>Too short for a header and a tag, or a header that runs past the packet.</summary>
    Malformed,
    /// <summary>The tag does not match: tampered, or another key.</summary>
    AuthenticationFailed,
    /// <summary>Seen before, or older than the replay window.</summary>
    Replayed,
}
