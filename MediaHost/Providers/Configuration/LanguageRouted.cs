using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Providers.Configuration;

/// <summary>
/// Picks a stage's chain by the conversation language: an exact tag ("ru-RU"), then its primary language ("ru"),
/// then the default chain. A single route is returned as it is, without a router in front.
/// </summary>
public static class LanguageRouted
{
    public const string DefaultRoute = "*";

    public static T Pick<T>(IReadOnlyDictionary<string, T> routes, string language) =>
        routes.TryGetValue(language, out var exact) ? exact
        : routes.TryGetValue(language.Split('-')[0], out var primary) ? primary
        : routes.TryGetValue(DefaultRoute, out var fallback) ? fallback
        : throw new ProviderException("providers", $"no provider chain for language '{language}' and no default chain", isTransient: false);

    public static ILanguageModel LanguageModel(Dictionary<string, ILanguageModel> routes) =>
        routes.Count == 1 && routes.ContainsKey(DefaultRoute) ? routes[DefaultRoute] : new Llm(routes);

    public static ITextToSpeech TextToSpeech(Dictionary<string, ITextToSpeech> routes) =>
        routes.Count == 1 && routes.ContainsKey(DefaultRoute) ? routes[DefaultRoute] : new Tts(routes);

    public static IStreamingSpeechToText SpeechToText(Dictionary<string, IStreamingSpeechToText> routes) =>
        routes.Count == 1 && routes.ContainsKey(DefaultRoute) ? routes[DefaultRoute] : new Stt(routes);

    private sealed class Llm(Dictionary<string, ILanguageModel> routes) : ILanguageModel
    {
        public IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, CancellationToken cancellationToken) =>
            Pick(routes, request.Language).StreamAsync(request, cancellationToken);
    }

    private sealed class Tts(Dictionary<string, ITextToSpeech> routes) : ITextToSpeech
    {
        public IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, CancellationToken cancellationToken) =>
            Pick(routes, language).SynthesizeAsync(text, language, cancellationToken);
    }

    private sealed class Stt(Dictionary<string, IStreamingSpeechToText> routes) : IStreamingSpeechToText
    {
        public string Name => string.Join(",", routes.Select(r => r.Key + "=" + r.Value.Name));

        public ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken) =>
            Pick(routes, request.Language).StartAsync(request, cancellationToken);

        public bool Hears(string language) => Pick(routes, language).Hears(language);
    }
}
