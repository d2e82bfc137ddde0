namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// A speech or language provider failed. <see cref="IsTransient"/> tells whether trying again may help
/// (connection reset, 429, 5xx) — the providers' bounded retries read it. Messages never carry keys.
/// </summary>
public class ProviderException : Exception
{
    public ProviderException(string provider, string message, bool isTransient, int? statusCode = null, Exception? inner = null)
        : base($"{provider}: {message}", inner)
    {
        Provider = provider;
        IsTransient = isTransient;
        StatusCode = statusCode;
    }

    /// <summary>Which provider failed, for example "openai-llm" or "espeak-ng".</summary>
    public string Provider { get; }

    public bool IsTransient { get; }

    /// <summary>The HTTP status, for HTTP providers.</summary>
    public int? StatusCode { get; }
}
