using System.Buffers.Text;
using System.Text.Json;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// Reads a token payload in one forward pass. The flat claims (issuer, times, sha256…) are read by
/// hand because webhook verification reads one per delivery; the grant objects, present only in
/// access tokens, go through the source-generated serializer. Unknown claims are skipped.
/// Throws <see cref="JsonException"/> when the payload is not an object of LiveKit claims.
/// </summary>
internal static class JwtClaimsReader
{
    public static JwtClaimsPayload Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the payload is not a JSON object");
        }
        var claims = new JwtClaimsPayload();
        Span<char> nameBuffer = stackalloc char[JsonPropertyName.MaxLength];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<char> name = nameBuffer[..JsonPropertyName.Read(ref reader, nameBuffer)];
            reader.Read();
            switch (name)
            {
                case "iss": claims.Issuer = String(ref reader); break;
                case "sub": claims.Subject = String(ref reader); break;
                case "jti": claims.JwtId = String(ref reader); break;
                case "exp": claims.ExpiresAt = NumericDate(ref reader); break;
                case "nbf": claims.NotBefore = NumericDate(ref reader); break;
                case "iat": claims.IssuedAt = NumericDate(ref reader); break;
                case "sha256": claims.Sha256 = String(ref reader); break;
                case "name": claims.Name = String(ref reader); break;
                case "metadata": claims.Metadata = String(ref reader); break;
                case "kind": claims.Kind = String(ref reader); break;
                case "roomPreset": claims.RoomPreset = String(ref reader); break;
                case "attributes": claims.Attributes = JsonSerializer.Deserialize(ref reader, AuthJsonContext.Default.DictionaryStringString); break;
                case "video": claims.Video = JsonSerializer.Deserialize(ref reader, AuthJsonContext.Default.VideoGrant); break;
                case "sip": claims.Sip = JsonSerializer.Deserialize(ref reader, AuthJsonContext.Default.SipGrant); break;
                case "inference": claims.Inference = JsonSerializer.Deserialize(ref reader, AuthJsonContext.Default.InferenceGrant); break;
                case "observability": claims.Observability = JsonSerializer.Deserialize(ref reader, AuthJsonContext.Default.ObservabilityGrant); break;
                case "roomConfig": claims.RoomConfig = JsonSerializer.Deserialize(ref reader, AuthJsonContext.Default.RoomConfiguration); break;
                default: reader.Skip(); break;
            }
        }
        if (reader.Read())
        {
            throw new JsonException("content after the payload object");
        }
        return claims;
    }

    private static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException("a string claim has another type"),
    };

    /// <summary>Unix seconds that a DateTimeOffset can hold (years 1 to 9999).</summary>
    private const long MinSeconds = -62135596800, MaxSeconds = 253402300799;

    /// <summary>Whole seconds, as a number or (leniently) a string of digits, within years 1 to 9999.</summary>
    private static long? NumericDate(ref Utf8JsonReader reader)
    {
        long seconds;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out seconds):
                break;
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence
                && Utf8Parser.TryParse(reader.ValueSpan, out seconds, out var consumed) && consumed == reader.ValueSpan.Length:
                break;
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException("a time claim is not whole seconds");
        }
        return seconds is >= MinSeconds and <= MaxSeconds
            ? seconds
            : throw new JsonException("a time claim is outside years 1 to 9999");
    }
}
