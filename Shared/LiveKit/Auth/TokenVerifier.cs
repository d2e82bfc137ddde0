using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// Verifies LiveKit tokens as the server does: HS256 only, the secret chosen by the token's
/// <c>iss</c> among several keys (so keys can be rotated), a constant-time signature check, then
/// <c>exp</c> (required) and <c>nbf</c> with a leeway for clock skew.
/// </summary>
public sealed class TokenVerifier
{
    /// <summary>The server's own leeway for exp/nbf.</summary>
    public static readonly TimeSpan ServerLeeway = TimeSpan.FromMinutes(1);

    private const int StackLimit = 512;
    private readonly Dictionary<string, HmacSha256Pool> _keys;
    private readonly TimeProvider _time;
    private readonly long _leewaySeconds;

    public TokenVerifier(IReadOnlyDictionary<string, string> secretsByApiKey, TimeProvider time, TimeSpan leeway)
    {
        ArgumentNullException.ThrowIfNull(secretsByApiKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(leeway, TimeSpan.Zero);
        if (secretsByApiKey.Count == 0)
        {
            throw new ArgumentException("At least one API key is needed to verify tokens.", nameof(secretsByApiKey));
        }
        _keys = new Dictionary<string, HmacSha256Pool>(StringComparer.Ordinal);
        foreach (var (apiKey, secret) in secretsByApiKey)
        {
            if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(secret))
            {
                throw new ArgumentException("API keys and secrets must not be empty.", nameof(secretsByApiKey));
            }
            _keys[apiKey] = new HmacSha256Pool(Encoding.UTF8.GetBytes(secret));
        }
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _leewaySeconds = (long)Math.Ceiling(leeway.TotalSeconds);
    }

    /// <summary>A verifier for one key, with the server's leeway.</summary>
    public TokenVerifier(LiveKitCredentials credentials, TimeProvider time)
        : this(new Dictionary<string, string> { [credentials.ApiKey] = credentials.ApiSecret }, time, ServerLeeway)
    {
    }

    public TokenVerificationResult Verify(string jwt)
    {
        if (string.IsNullOrEmpty(jwt))
        {
            return Fail(TokenError.Malformed, "the token is empty");
        }
        var firstDot = jwt.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : jwt.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || jwt.IndexOf('.', secondDot + 1) >= 0)
        {
            return Fail(TokenError.Malformed, "a JWT has three segments separated by '.'");
        }
        var header = jwt.AsSpan(0, firstDot);
        var payload = jwt.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var signature = jwt.AsSpan(secondDot + 1);
        if (!IsBase64Url(header) || !IsBase64Url(payload) || !IsBase64Url(signature))
        {
            return Fail(TokenError.Malformed, "a token segment is not base64url (A-Z a-z 0-9 - _ without padding)");
        }

        var algorithmCheck = CheckHeader(header);
        if (algorithmCheck is not null)
        {
            return algorithmCheck;
        }
        if (!TryReadPayload(payload, out var claims, out var payloadError))
        {
            return payloadError;
        }
        if (string.IsNullOrEmpty(claims.Issuer) || !_keys.TryGetValue(claims.Issuer, out var key))
        {
            return Fail(TokenError.UnknownApiKey, "the token's issuer is not a known API key");
        }
        if (!SignatureMatches(jwt.AsSpan(0, secondDot), signature, key))
        {
            return Fail(TokenError.BadSignature, "the token's signature does not match the API key's secret");
        }
        return CheckTimes(claims) ?? TokenVerificationResult.Success(claims.ToClaimGrants());
    }

    private static TokenVerificationResult? CheckHeader(ReadOnlySpan<char> encodedHeader)
    {
        byte[]? rented = null;
        var buffer = encodedHeader.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(encodedHeader.Length));
        try
        {
            if (!TryDecode(encodedHeader, buffer, out var written))
            {
                return Fail(TokenError.Malformed, "the token header is not base64url");
            }
            return ReadAlgorithm(buffer[..written]) switch
            {
                HeaderAlgorithm.Hs256 => null,
                HeaderAlgorithm.NotJson => Fail(TokenError.Malformed, "the token header is not a JSON object"),
                HeaderAlgorithm.Missing => Fail(TokenError.UnsupportedAlgorithm, "the token header names no algorithm; only HS256 is accepted"),
                _ => Fail(TokenError.UnsupportedAlgorithm, "the token's algorithm is not HS256, the only one LiveKit accepts"),
            };
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private enum HeaderAlgorithm { Hs256, Other, Missing, NotJson }

    private static HeaderAlgorithm ReadAlgorithm(ReadOnlySpan<byte> headerJson)
    {
        try
        {
            var reader = new Utf8JsonReader(headerJson);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return HeaderAlgorithm.NotJson;
            }
            var result = HeaderAlgorithm.Missing;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAlg = reader.ValueTextEquals("alg"u8);
                reader.Read();
                if (isAlg)
                {
                    result = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("HS256"u8)
                        ? HeaderAlgorithm.Hs256
                        : HeaderAlgorithm.Other;
                }
                reader.Skip();
            }
            return reader.TokenType == JsonTokenType.EndObject ? result : HeaderAlgorithm.NotJson;
        }
        catch (JsonException)
        {
            return HeaderAlgorithm.NotJson;
        }
    }

    private static bool TryReadPayload(
        ReadOnlySpan<char> encodedPayload, out JwtClaimsPayload claims, out TokenVerificationResult error)
    {
        claims = null!;
        error = null!;
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(encodedPayload.Length, 1));
        try
        {
            if (!TryDecode(encodedPayload, rented, out var written))
            {
                error = Fail(TokenError.Malformed, "the token payload is not base64url");
                return false;
            }
            var json = rented.AsSpan(0, written);
            if (!Utf8.IsValid(json))
            {
                error = Fail(TokenError.Malformed, "the token payload is not valid UTF-8");
                return false;
            }
            claims = JwtClaimsReader.Read(json);
            return true;
        }
        catch (JsonException)
        {
            error = Fail(TokenError.Malformed, "the token payload is not a JSON object of LiveKit claims");
            return false;
        }
        catch (InvalidOperationException)
        {
            // The reader's verdict on a string escape that is not valid Unicode (a lone surrogate).
            error = Fail(TokenError.Malformed, "the token payload has a string that is not valid Unicode");
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool SignatureMatches(ReadOnlySpan<char> signingInput, ReadOnlySpan<char> encodedSignature, HmacSha256Pool key)
    {
        Span<byte> expected = stackalloc byte[HmacJwt.SignatureLength];
        Span<byte> actual = stackalloc byte[HmacJwt.SignatureLength + 3];
        if (!TryDecode(encodedSignature, actual, out var written) || written != HmacJwt.SignatureLength)
        {
            return false;
        }

        byte[]? rented = null;
        var input = signingInput.Length <= 2048
            ? stackalloc byte[signingInput.Length]
            : (rented = ArrayPool<byte>.Shared.Rent(signingInput.Length)).AsSpan(0, signingInput.Length);
        try
        {
            // The segments were already decoded as base64url, so every char is ASCII.
            Encoding.ASCII.GetBytes(signingInput, input);
            key.Hash(input, expected);
            return CryptographicOperations.FixedTimeEquals(expected, actual[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private TokenVerificationResult? CheckTimes(JwtClaimsPayload claims)
    {
        if (claims.ExpiresAt is not { } expiresAt)
        {
            return Fail(TokenError.MissingExpiry, "the token has no expiry (exp); LiveKit requires one");
        }
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (now > expiresAt + _leewaySeconds)
        {
            return Fail(TokenError.Expired, $"the token expired {now - expiresAt} s ago (leeway {_leewaySeconds} s)");
        }
        if (claims.NotBefore is { } notBefore && now + _leewaySeconds < notBefore)
        {
            return Fail(TokenError.NotYetValid, $"the token is valid only in {notBefore - now} s (leeway {_leewaySeconds} s)");
        }
        return null;
    }

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Strict base64url as JWTs use it: the URL alphabet, no padding, no whitespace, not empty.</summary>
    private static bool IsBase64Url(ReadOnlySpan<char> segment) =>
        !segment.IsEmpty && !segment.ContainsAnyExcept(Base64UrlAlphabet) && segment.Length % 4 != 1;

    private static bool TryDecode(ReadOnlySpan<char> encoded, Span<byte> destination, out int written) =>
        Base64Url.DecodeFromChars(encoded, destination, out _, out written) == OperationStatus.Done;

    private static TokenVerificationResult Fail(TokenError error, string message) =>
        TokenVerificationResult.Failure(error, message);
}
