using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The AI loop's settings (configuration section "AiLoop"). Validated at start-up. Without any provider
/// settings the loop runs fully offline: pocketsphinx STT (English only), the scripted dialog, espeak-ng TTS.
/// </summary>
public sealed class AiLoopOptions
{
    public const string SectionName = "AiLoop";
    public const string DefaultLanguage = "ru-RU";

    /// <summary>When false, the MediaHost keeps its built-in call handler and the agent is not registered. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Conversation language: "ru-RU" (default) or "en-US". Chooses voices, phrases, STT language and the scripted dialog's texts.</summary>
    [Required, RegularExpression("^(ru-RU|en-US)$", ErrorMessage = "Language must be ru-RU or en-US")]
    public string Language { get; set; } = DefaultLanguage;

    /// <summary>System prompt for an LLM. Empty: a short default for a polite phone agent in the conversation language.</summary>
    public string SystemPrompt { get; set; } = "";

    /// <summary>History kept for the LLM, in messages (the system prompt is always kept). Default 20: bounded prompt size and cost per turn.</summary>
    [Range(2, 200)]
    public int MaxHistoryMessages { get; set; } = 20;

    /// <summary>Where transfer_to_human and DTMF 0 send the caller (sip:, sips: or tel: URI). Empty: transfers are refused politely.</summary>
    [RegularExpression("^$|^(sip|sips|tel):.+", ErrorMessage = "TransferTarget must be a sip:, sips: or tel: URI")]
    public string TransferTarget { get; set; } = "";

    /// <summary>Transfer to <see cref="TransferTarget"/> after a provider failure, once the fallback phrase was spoken. Default false.</summary>
    public bool TransferOnProviderFailure { get; set; }

    /// <summary>The DTMF digit that means "operator". Default '0'. Empty disables it.</summary>
    [RegularExpression("^[0-9*#]?$")]
    public string OperatorDigit { get; set; } = "0";

    [Required]
    public VadOptions Vad { get; set; } = new();

    /// <summary>Endpointing for any language without its own entry in <see cref="EndpointingByLanguage"/>.</summary>
    [Required]
    public EndpointingOptions Endpointing { get; set; } = new();

    /// <summary>Per-language endpointing (key "ru-RU", "en-US"), for example a longer pause for slower speakers.</summary>
    public Dictionary<string, EndpointingOptions> EndpointingByLanguage { get; set; } = [];

    /// <summary>The LLM starts on the caller's words while the endpointer still waits (see <see cref="PreemptiveGenerationOptions"/>).</summary>
    [Required]
    public PreemptiveGenerationOptions Preemptive { get; set; } = new();

    [Required]
    public BargeInOptions BargeIn { get; set; } = new();

    [Required]
    public SilenceOptions Silence { get; set; } = new();

    /// <summary>How the caller's keys are collected into one turn.</summary>
    [Required]
    public DtmfOptions Dtmf { get; set; } = new();

    /// <summary>Admission by AI capacity: calls served at once and what a call beyond that gets.</summary>
    [Required]
    public AgentCapacityOptions Capacity { get; set; } = new();

    [Required]
    public AgentPhrasesOptions Phrases { get; set; } = new();

    [Required]
    public ProviderSelectionOptions Providers { get; set; } = new();

    /// <summary>Tools the LLM may call that POST their JSON arguments to a URL and read back the answer.</summary>
    public List<HttpToolOptions> HttpTools { get; set; } = [];

    /// <summary>Seconds the loop waits for STT, for each LLM piece (first token included) and each TTS frame. Default 10 s;
    /// on expiry the caller hears the fallback phrase instead of silence.</summary>
    [Range(1, 120)]
    public int ProviderTimeoutSeconds { get; set; } = 10;

    /// <summary>Agent frames buffered between TTS and playback. Default 25 (500 ms): TTS can run ahead of playback
    /// without holding a whole answer in memory; when full, TTS waits (agent audio is never dropped).</summary>
    [Range(2, 500)]
    public int PlaybackQueueFrames { get; set; } = 25;

    /// <summary>The longest call the agent holds, in seconds: then it says <see cref="AgentPhrasesOptions.TimeUp"/> and
    /// hangs up (end reason MaxDuration). Default 3600 (one hour): bounds what a stuck or abusive call costs. 0: no limit.</summary>
    [Range(0, 86_400)]
    public int MaxCallSeconds { get; set; } = 3_600;

    public TimeSpan ProviderTimeout => TimeSpan.FromSeconds(ProviderTimeoutSeconds);

    public EndpointingOptions EndpointingFor(string language) =>
        EndpointingByLanguage.TryGetValue(language, out var specific) ? specific : Endpointing;
}
