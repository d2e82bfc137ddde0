using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Cli.Output.Results;

/// <summary>
/// `token inspect --json` (schema/voicectl/token-inspect.schema.json): the decoded token. Signature is
/// "valid", "invalid" or "not-verified"; <see cref="Claims"/> is the whole payload as LiveKit reads it.
/// </summary>
public sealed record TokenInspection(
    string Algorithm,
    string ApiKey,
    string Identity,
    string? Name,
    string? Kind,
    DateTimeOffset? NotBefore,
    DateTimeOffset? ExpiresAt,
    bool Expired,
    string Signature,
    string? SignatureError,
    JsonElement Claims)
{
    public static TokenInspection From(JsonElement header, JsonElement payload, DateTimeOffset now, TokenVerificationResult? verification)
    {
        var expires = Seconds(payload, "exp");
        return new TokenInspection(
            Text(header, "alg") ?? "", Text(payload, "iss") ?? "", Text(payload, "sub") ?? "", Text(payload, "name"), Text(payload, "kind"),
            Seconds(payload, "nbf"), expires, expires is { } at && at < now,
            verification is null ? "not-verified" : verification.IsValid ? "valid" : "invalid",
            verification is { IsValid: false } ? $"{verification.Error}: {verification.Message}" : null,
            payload);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
