using System.Buffers.Text;
using System.Text.Json;

namespace VoiceFunctions.Cli.Tokens;

/// <summary>Decodes a JWT's header and payload without verifying it (inspection only).</summary>
public static class JwtInspector
{
    public static bool TryDecode(string token, out JsonElement header, out JsonElement payload, out string? problem)
    {
        header = payload = default;
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
        {
            problem = $"a JWT has three dot-separated parts; this has {parts.Length}";
            return false;
        }
        try
        {
            header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement.Clone();
            payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone();
            problem = null;
            return header.ValueKind == JsonValueKind.Object && payload.ValueKind == JsonValueKind.Object
                || (problem = "the header or payload is not a JSON object") is null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            problem = "the token is not base64url-encoded JSON: " + e.Message;
            return false;
        }
    }
}
