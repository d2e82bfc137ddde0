namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// A speech or language provider failed. <see cref="IsTransient"/> tells whether trying again may help
/// (connection reset, 429, 5xx) — the failover chain's retry reads it, and <see cref="RetryAfter"/> when the
/// provider said how long to wait. Messages never carry keys.
/// </summary>
public class ProviderException : Exception
{
    public ProviderException(string provider, string message, bool isTransient, int? statusCode = null, Exception? inner = null, TimeSpan? retryAfter = null)
        : base($"{provider}: {message}", inner)
    {
        Provider = provider;
        IsTransient = isTransient;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>Which provider failed, for example "openai-llm" or "espeak-ng".</summary>
    public string Provider { get; }

    public bool IsTransient { get; }

    /// <summary>The HTTP status (or the gRPC / WebSocket close code mapped to one), where the provider gave one.</summary>
    public int? StatusCode { get; }

    /// <summary>The provider's Retry-After (429/503), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for statuses that say "try again later": 408, 429 and every 5xx.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;
}
