using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Providers.Configuration;

/// <summary>
/// One provider of a chain (AiLoop:Providers:Chains:{Stt|Llm|Tts}:Chain:N). <see cref="Kind"/> picks the adapter;
/// the other settings are read by the kinds that need them (<see cref="ProviderChainsOptionsValidator"/> says
/// which are required per kind). <see cref="ApiKey"/> comes from configuration or Key Vault and is never logged:
/// <see cref="ToString"/> shows only whether it is set.
/// </summary>
public sealed class ProviderOptions
{
    public const int DefaultAttemptTimeoutSeconds = 15;
    public const int DefaultStreamIdleTimeoutSeconds = 10;

    /// <summary>
    /// LLM: "openai", "openai-compatible" (Ollama, vLLM…), "azure-openai" (classic deployment URL), "azure-openai-v1".
    /// STT: "deepgram", "yandex", "openai-batch". TTS: "yandex", "azure-speech", "elevenlabs", "openai".
    /// </summary>
    [Required]
    public string Kind { get; set; } = "";

    /// <summary>Name in logs, metrics and the turn record. Default: the kind.</summary>
    public string Name { get; set; } = "";

    /// <summary>The vendor's base address; each kind has a default public endpoint where one exists (tests point it at a loopback fake).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The key (Deepgram "Token", Yandex "Api-Key", Azure "api-key"/"Ocp-Apim-Subscription-Key", ElevenLabs "xi-api-key", OpenAI bearer). Use &lt;placeholder&gt; in samples.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Model: the LLM's name, Deepgram's "nova-2", Yandex's "general", ElevenLabs' "eleven_flash_v2_5", OpenAI's "tts-1"…</summary>
    public string Model { get; set; } = "";

    /// <summary>Azure OpenAI classic: the deployment name (the URL's /openai/deployments/{Deployment}).</summary>
    public string Deployment { get; set; } = "";

    /// <summary>Azure OpenAI classic: the api-version query parameter. Default "2024-10-21" (a GA version).</summary>
    public string ApiVersion { get; set; } = "2024-10-21";

    /// <summary>TTS voice: "ru-RU-SvetlanaNeural" (Azure), "alena" (Yandex), an ElevenLabs voice id, "alloy" (OpenAI).</summary>
    public string Voice { get; set; } = "";

    /// <summary>Azure AI Speech region, for example "westeurope" (the endpoint is then https://{Region}.tts.speech.microsoft.com).</summary>
    public string Region { get; set; } = "";

    /// <summary>Yandex Cloud folder id (x-folder-id), needed for user accounts; empty for a service account's API key.</summary>
    public string FolderId { get; set; } = "";

    /// <summary>Time until the response headers (HTTP) or the handshake (WebSocket, gRPC), per attempt, seconds. Default 15 s.</summary>
    [Range(1, 300)]
    public int AttemptTimeoutSeconds { get; set; } = DefaultAttemptTimeoutSeconds;

    /// <summary>Longest gap between two pieces of a streamed answer, seconds. Default 10 s: a stalled stream must not mean dead air.</summary>
    [Range(1, 300)]
    public int StreamIdleTimeoutSeconds { get; set; } = DefaultStreamIdleTimeoutSeconds;

    public string DisplayName => Name.Length > 0 ? Name : Kind;

    public override string ToString() =>
        $"{DisplayName} ({Kind}) endpoint={Endpoint} model={Model}{Deployment} voice={Voice} key={(ApiKey.Length > 0 ? "<set>" : "<none>")}";
}
