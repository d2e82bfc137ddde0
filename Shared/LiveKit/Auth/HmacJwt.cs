using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// HS256 JWS compact serialisation, computed directly: HMAC-SHA256 keyed with the UTF-8 bytes of the
/// secret over <c>base64url(header).base64url(payload)</c>. No library key-size rule applies, because
/// LiveKit accepts short development secrets.
/// </summary>
internal static class HmacJwt
{
    public const int SignatureLength = HMACSHA256.HashSizeInBytes;

    /// <summary>base64url of <c>{"alg":"HS256","typ":"JWT"}</c>, the header every token of ours carries.</summary>
    private static readonly byte[] EncodedHeader = Encoding.ASCII.GetBytes(
        Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8));

    public static string Sign(ReadOnlySpan<byte> payloadJson, ReadOnlySpan<byte> key)
    {
        var payloadLength = Base64Url.GetEncodedLength(payloadJson.Length);
        var signingInputLength = EncodedHeader.Length + 1 + payloadLength;
        var totalLength = signingInputLength + 1 + Base64Url.GetEncodedLength(SignatureLength);

        var rented = ArrayPool<byte>.Shared.Rent(totalLength);
        try
        {
            var buffer = rented.AsSpan(0, totalLength);
            EncodedHeader.CopyTo(buffer);
            buffer[EncodedHeader.Length] = (byte)'.';
            Base64Url.EncodeToUtf8(payloadJson, buffer[(EncodedHeader.Length + 1)..]);

            Span<byte> signature = stackalloc byte[SignatureLength];
            HMACSHA256.HashData(key, buffer[..signingInputLength], signature);
            buffer[signingInputLength] = (byte)'.';
            Base64Url.EncodeToUtf8(signature, buffer[(signingInputLength + 1)..]);
            return Encoding.ASCII.GetString(buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
