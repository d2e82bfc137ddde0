using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.Shared.Telephony.Deployment.Agents;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// Turns a call's <see cref="CallAgentProfile"/> into the settings and dependencies of its <see cref="AgentSession"/>:
/// the profile's language, prompt and greeting (placeholders filled, caller context added), transfer target, HTTP tools
/// and providers. Whatever the profile leaves unset is the host's (AiLoop). Providers a profile chooses that differ from
/// the host's are built once per choice and shared by the calls that make it.
/// </summary>
public sealed class ProfiledAgentFactory(IOptions<AiLoopOptions> options, IHttpClientFactory http, TimeProvider time, ILoggerFactory loggers, AgentProfileStore store)
{
    /// <summary>Put after the prompt when the prompt does not place {{caller_context}} itself.</summary>
    public const string CallerContextHeading = "\n\nWhat is known about the caller (JSON): ";

    private readonly ConcurrentDictionary<(string Stage, string Name, string? Voice), Lazy<object>> _providers = new();

    public AiLoopOptions OptionsFor(CallAgentProfile profile, string? callerContext, ICollection<string> missing)
    {
        var host = options.Value;
        var settings = profile.Settings;
        var copy = OptionsCopy.Of(host);
        copy.Language = settings.Language ?? host.Language;

        var prompt = AgentPhrases.For(copy.Language, host.Phrases, settings.Prompt ?? host.SystemPrompt).SystemPrompt;
        var hasPlace = PromptTemplate.Placeholders(prompt).Contains(PromptTemplate.CallerContextVariable);
        copy.SystemPrompt = profile.Fill(prompt, callerContext, missing) + (callerContext is not null && !hasPlace ? CallerContextHeading + callerContext : "");

        copy.Phrases = OptionsCopy.Of(host.Phrases);
        copy.Phrases.Greeting = profile.Fill(settings.Greeting ?? host.Phrases.Greeting, callerContext, missing);
        if (settings.TransferTargets is { } targets)
        {
            copy.TransferTarget = targets.Count > 0 ? targets[0].Uri : "";
        }
        return copy;
    }

    public AgentDependencies DependenciesFor(CallAgentProfile profile, AgentDependencies host)
    {
        var settings = profile.Settings;
        var selection = options.Value.Providers;
        var language = settings.Language ?? options.Value.Language;
        var tts = Differs(settings.Providers.Tts, selection.Tts) || settings.Voice is not null
            ? (ITextToSpeech)Provider("tts", settings.Providers.Tts ?? selection.Tts, settings.Voice, f => f.CreateTextToSpeech())
            : null;
        return host with
        {
            Recognition = Differs(settings.Providers.Stt, selection.Stt)
                ? (Providers.Recognition.IStreamingSpeechToText)Provider("stt", settings.Providers.Stt!, null, f => f.CreateStreamingSpeechToText(f.CreateSpeechToText))
                : host.Recognition,
            LanguageModel = Differs(settings.Providers.Llm, selection.Llm)
                ? (ILanguageModel)Provider("llm", settings.Providers.Llm!, null, f => f.CreateLanguageModel())
                : host.LanguageModel,
            TextToSpeech = tts ?? host.TextToSpeech,
            Phrases = tts is null ? host.Phrases : (PhraseAudioCache)Provider("phrases", settings.Providers.Tts ?? selection.Tts, settings.Voice, _ => new PhraseAudioCache(tts)),
            HttpTools = Tools(settings),
            KeypadMenu = language == options.Value.Language ? host.KeypadMenu : null,
        };
    }

    private static bool Differs(string? chosen, string host) => chosen is not null && chosen != host;

    /// <summary>The host's HTTP tools and voice.yaml's, as the profile chooses (null: all). Built-in tools are always offered.</summary>
    private HttpToolInvoker Tools(AgentSettings settings)
    {
        var declared = store.Current.Tools.Select(t => new HttpToolOptions { Name = t.Name, Description = t.Description, Url = t.Url, TimeoutSeconds = t.TimeoutSeconds });
        var all = options.Value.HttpTools.Concat(declared).DistinctBy(t => t.Name, StringComparer.Ordinal);
        var chosen = settings.Tools is { } names ? all.Where(t => names.Contains(t.Name, StringComparer.Ordinal)) : all;
        return new HttpToolInvoker(http.CreateClient("VoiceFunctions.Agent.Tools"), chosen.ToArray(), time);
    }

    private object Provider(string stage, string name, string? voice, Func<AgentProviderFactory, object> create) =>
        _providers.GetOrAdd((stage, name, voice), key => new Lazy<object>(() => create(FactoryFor(key.Stage, key.Name, key.Voice)))).Value;

    /// <summary>A provider factory whose selection names <paramref name="name"/> for <paramref name="stage"/> and the voice.
    /// No provider chains: a profile that names a provider gets that provider.</summary>
    private AgentProviderFactory FactoryFor(string stage, string name, string? voice)
    {
        var derived = OptionsCopy.Of(options.Value);
        var selection = OptionsCopy.Of(options.Value.Providers);
        switch (stage)
        {
            case "stt": selection.Stt = name; break;
            case "llm": selection.Llm = name; break;
            default:
                selection.Tts = name;
                if (voice is not null && selection.OpenAiTts is { } openAi)
                {
                    selection.OpenAiTts = OptionsCopy.Of(openAi);
                    selection.OpenAiTts.Voice = voice;
                }
                if (voice is not null)
                {
                    selection.Espeak = OptionsCopy.Of(selection.Espeak);
                    selection.Espeak.RussianVoice = voice;
                    selection.Espeak.EnglishVoice = voice;
                }
                break;
        }
        derived.Providers = selection;
        return new AgentProviderFactory(Options.Create(derived), http, time, loggers);
    }
}
