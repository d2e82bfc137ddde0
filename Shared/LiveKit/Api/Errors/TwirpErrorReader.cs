using System.Text.Json;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>
/// Turns a non-2xx LiveKit response into a typed exception. A JSON body with a "code" is a Twirp error
/// ({"code","msg","meta"}); anything else (the auth middleware's plain-text 401, a proxy's HTML 502) is
/// classified by its HTTP status and its text kept as the message.
/// </summary>
public static class TwirpErrorReader
{
    /// <summary>Long server texts are cut so a proxy's HTML page cannot flood a log line.</summary>
    public const int MaxMessageLength = 512;

    public static LiveKitApiException Read(string method, int httpStatus, string? mediaType, string body)
    {
        if (IsJson(mediaType) && TryReadTwirpError(body, out var code, out var message, out var meta))
        {
            return Create(method, code, httpStatus, message, meta, plainText: false);
        }
        return Create(method, TwirpErrorCodes.FromHttpStatus(httpStatus), httpStatus, body.Trim(), null, plainText: true);
    }

    public static LiveKitApiException Create(string method, TwirpErrorCode code, int httpStatus, string message, IReadOnlyDictionary<string, string>? meta, bool plainText)
    {
        message = SecretRedactor.RedactTokens(message);
        if (message.Length > MaxMessageLength)
        {
            message = message[..MaxMessageLength] + "…";
        }
        return code switch
        {
            TwirpErrorCode.Unauthenticated => new LiveKitAuthenticationException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
            TwirpErrorCode.PermissionDenied => new LiveKitPermissionDeniedException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
            TwirpErrorCode.NotFound or TwirpErrorCode.BadRoute => new LiveKitNotFoundException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
            TwirpErrorCode.InvalidArgument or TwirpErrorCode.Malformed or TwirpErrorCode.OutOfRange => new LiveKitInvalidArgumentException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
            TwirpErrorCode.AlreadyExists => new LiveKitAlreadyExistsException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
            TwirpErrorCode.Unavailable => new LiveKitUnavailableException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
            TwirpErrorCode.DeadlineExceeded => new LiveKitDeadlineExceededException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
            TwirpErrorCode.ResourceExhausted => new LiveKitResourceExhaustedException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
            _ => new LiveKitApiException(method, code, httpStatus, message, meta) { IsPlainText = plainText },
        };
    }

    private static bool IsJson(string? mediaType) =>
        string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    private static bool TryReadTwirpError(string body, out TwirpErrorCode code, out string message, out IReadOnlyDictionary<string, string>? meta)
    {
        code = TwirpErrorCode.Unknown;
        message = "";
        meta = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var codeElement) || codeElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            code = TwirpErrorCodes.Parse(codeElement.GetString());
            if (root.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String)
            {
                message = msg.GetString()!;
            }
            if (root.TryGetProperty("meta", out var metaElement) && metaElement.ValueKind == JsonValueKind.Object)
            {
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in metaElement.EnumerateObject())
                {
                    map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText();
                }
                meta = map;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
