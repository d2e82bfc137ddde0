using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VoiceFunctions.Shared.Tests.LiveKit;

/// <summary>Hand-made JWTs for tests that need tokens our builder would never produce.</summary>
internal static class TestJwt
{
    public static string Sign(string headerJson, string payloadJson, string secret)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static JsonElement Header(string jwt) => Decode(jwt.Split('.')[0]);

    public static JsonElement Payload(string jwt) => Decode(jwt.Split('.')[1]);

    private static JsonElement Decode(string segment) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(segment)).RootElement.Clone();

    /// <summary>A random secret made at run time (no secret is ever committed).</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
