using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>The providers' log messages (EventIds 6100–6199). Keys, transcripts and prompts are never logged.</summary>
internal static partial class ProvidersLog
{
    [LoggerMessage(6100, LogLevel.Warning, "The offline STT (pocketsphinx) recognises English only; the call's language is {Language}. Configure an OpenAI-compatible STT for other languages.")]
    public static partial void OfflineSttEnglishOnly(ILogger logger, string language);

    [LoggerMessage(6101, LogLevel.Warning, "{Provider} request failed (attempt {Attempt} of {MaxAttempts}, status {Status}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string provider, int attempt, int maxAttempts, int? status, int delayMs);

    [LoggerMessage(6102, LogLevel.Information, "Using providers: STT {Stt}, LLM {Llm}, TTS {Tts}")]
    public static partial void ProvidersChosen(ILogger logger, string stt, string llm, string tts);
}
