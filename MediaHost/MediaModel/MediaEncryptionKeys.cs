namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// The SRTP keys an SDES offer/answer agreed (RFC 4568): the suite, our master key and salt (what we send with) and the
/// peer's (what we receive with). Secret: <see cref="ToString"/> names only the suite.
/// </summary>
public sealed record MediaEncryptionKeys(string Suite, ReadOnlyMemory<byte> SendKey, ReadOnlyMemory<byte> SendSalt, ReadOnlyMemory<byte> ReceiveKey,
    ReadOnlyMemory<byte> ReceiveSalt)
{
    /// <summary>True when <paramref name="other"/> carries the same suite and keys (a re-offer that kept them, RFC 4568 section 7.1.4).</summary>
    public bool HasSameKeys(MediaEncryptionKeys? other) =>
        other is not null && other.Suite == Suite && other.SendKey.Span.SequenceEqual(SendKey.Span) && other.SendSalt.Span.SequenceEqual(SendSalt.Span)
        && other.ReceiveKey.Span.SequenceEqual(ReceiveKey.Span) && other.ReceiveSalt.Span.SequenceEqual(ReceiveSalt.Span);

    public override string ToString() => $"SRTP {Suite} (keys redacted)";
}
