using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// An OpenAI-compatible server (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio, Groq, faster-whisper servers).
/// The key is never logged and never part of <see cref="ToString"/>.
/// </summary>
public sealed class OpenAiOptions
{
    public const int DefaultTimeoutSeconds = 15;
    public const int DefaultStreamIdleTimeoutSeconds = 10;
    public const int DefaultMaxRetries = 2;
    public const int DefaultPcmSampleRate = 24_000;

    /// <summary>Base URL up to and including "/v1", for example "http://127.0.0.1:11434/v1". Required.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>Bearer key; empty for servers without auth (Ollama, vLLM). Use a placeholder like &lt;openai-api-key&gt; in samples.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Model name, for example "gpt-4o-mini", "whisper-1", "tts-1". Required.</summary>
    [Required]
    public string Model { get; set; } = "";

    /// <summary>TTS only: the voice. Default "alloy".</summary>
    public string Voice { get; set; } = "alloy";

    /// <summary>TTS only: "pcm" (raw 16-bit little-endian, see <see cref="PcmSampleRate"/>) or "wav". Default "pcm": it streams.</summary>
    [RegularExpression("^(pcm|wav)$")]
    public string ResponseFormat { get; set; } = "pcm";

    /// <summary>TTS only: the sample rate of "pcm" output. Default 24000 Hz (OpenAI's).</summary>
    [Range(8_000, 48_000)]
    public int PcmSampleRate { get; set; } = DefaultPcmSampleRate;

    /// <summary>Time allowed until the response headers arrive, per attempt, in seconds. Default 15 s.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Longest gap between two pieces of a streamed body, in seconds. Default 10 s: a stalled stream must not mean dead air.</summary>
    [Range(1, 300)]
    public int StreamIdleTimeoutSeconds { get; set; } = DefaultStreamIdleTimeoutSeconds;

    /// <summary>Retries after a transient failure (connection error, 408, 429, 5xx) before any data arrived. Default 2.
    /// Applied by the provider's failover pipeline (retry with jitter, honouring Retry-After).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>First retry delay in ms (exponential with jitter). Default 200 ms.</summary>
    [Range(0, 10_000)]
    public int RetryDelayMs { get; set; } = 200;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan StreamIdleTimeout => TimeSpan.FromSeconds(StreamIdleTimeoutSeconds);

    /// <summary>A POST to <paramref name="path"/> under the base URL, with the bearer key when one is set.</summary>
    public HttpRequestMessage Post(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/'))) { Content = content };
        if (ApiKey.Length > 0)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        }
        return request;
    }

    public override string ToString() => $"{BaseUrl} model={Model} key={(ApiKey.Length > 0 ? "<set>" : "<none>")}";
}
