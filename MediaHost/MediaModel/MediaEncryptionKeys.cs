namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// The SRTP keys an SDES offer/answer agreed (RFC 4568): the suite, our master key and salt (what we send with) and the
/// peer's (what we receive with). Secret: <see cref="ToString"/> names only the suite.
/// </summary>
public sealed record MediaEncryptionKeys(string Suite, ReadOnlyMemory<byte> SendKey, ReadOnlyMemory<byte> SendSalt, ReadOnlyMemory<byte> ReceiveKey,
    ReadOnlyMemory<byte> ReceiveSalt)
{
    public override string ToString() => $"SRTP {Suite} (keys redacted)";
}
