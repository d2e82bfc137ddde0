using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Everything an <see cref="AgentSession"/> uses besides its call: providers, clock, telemetry, tools.</summary>
/// <param name="Recognition">Streaming speech-to-text (a batch provider behind <see cref="BatchRecognitionAdapter"/>).</param>
/// <param name="AudioFrontEndFactory">One audio front-end per call (echo canceller, noise suppression); null: <see cref="PassThroughFrontEnd"/>.</param>
/// <param name="KeypadMenu">The scripted dialog's keypad menu in the call's language, when no recogniser can hear that
/// language: the greeting (unless one is configured), so callers choose by key.</param>
public sealed record AgentDependencies(
    IStreamingSpeechToText Recognition,
    ILanguageModel LanguageModel,
    ITextToSpeech TextToSpeech,
    PhraseAudioCache Phrases,
    TimeProvider Time,
    AgentMetrics Metrics,
    ITurnReporter TurnReporter,
    ILogger Logger,
    HttpToolInvoker HttpTools,
    Func<IVoiceActivityDetector>? VoiceActivityDetectorFactory = null,
    IEndOfTurnModel? EndOfTurnModel = null,
    Func<IAudioFrontEnd>? AudioFrontEndFactory = null,
    string? KeypadMenu = null);
