using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;

namespace VoiceFunctions.MediaHost.Providers.Llm;

/// <summary>
/// Turns the OpenAI SDK's failures into <see cref="ProviderException"/>: the HTTP status, the server's own
/// "error.message", transient for 408/429/5xx and connection failures, and the Retry-After the server sent. Keys
/// never appear: the SDK does not put request headers in its messages, and we do not either.
/// </summary>
internal static class OpenAiErrors
{
    public static ProviderException ToProviderException(string provider, Exception e) => e switch
    {
        ProviderException p => p,
        ClientResultException { Status: > 0 } c => FromResponse(provider, c.Status, c.GetRawResponse(), c),
        ClientResultException c => new ProviderException(provider, "connection failed: " + (c.InnerException?.GetType().Name ?? c.GetType().Name), isTransient: true, inner: c),
        HttpRequestException or IOException => new ProviderException(provider, "connection failed: " + e.GetType().Name, isTransient: true, inner: e),
        JsonException => new ProviderException(provider, "malformed stream chunk: " + e.Message, isTransient: false, inner: e),
        _ => new ProviderException(provider, e.GetType().Name + ": " + e.Message, isTransient: true, inner: e),
    };

    private static ProviderException FromResponse(string provider, int status, PipelineResponse? response, Exception inner)
    {
        var detail = response is null ? "" : ErrorMessage(response.Content.ToMemory().Span);
        return new ProviderException(provider, $"HTTP {status}: {detail}", ProviderException.IsTransientStatus(status), status, inner, RetryAfter(response));
    }

    /// <summary>"retry-after-ms" (OpenAI) or "Retry-After" in seconds.</summary>
    internal static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            return TimeSpan.FromMilliseconds(millis);
        }
        return response.Headers.TryGetValue("Retry-After", out var seconds) && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : null;
    }

    /// <summary>The "error.message" of an OpenAI error body, or a short prefix of whatever came back.</summary>
    internal static string ErrorMessage(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString() ?? "";
                }
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message))
                {
                    return message.GetString() ?? "";
                }
            }
        }
        catch (JsonException)
        {
        }
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length > 200 ? text[..200] : text;
    }
}
