using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Everything an <see cref="AgentSession"/> uses besides its call: providers, clock, telemetry, tools.</summary>
public sealed record AgentDependencies(
    ISpeechToText SpeechToText,
    ILanguageModel LanguageModel,
    ITextToSpeech TextToSpeech,
    PhraseAudioCache Phrases,
    TimeProvider Time,
    AgentMetrics Metrics,
    ITurnReporter TurnReporter,
    ILogger Logger,
    HttpToolInvoker HttpTools,
    Func<IVoiceActivityDetector>? VoiceActivityDetectorFactory = null,
    IEndOfTurnModel? EndOfTurnModel = null);
