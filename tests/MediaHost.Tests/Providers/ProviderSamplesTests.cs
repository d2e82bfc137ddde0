using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Azure;
using VoiceFunctions.MediaHost.Providers.Cartesia;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Deepgram;
using VoiceFunctions.MediaHost.Providers.ElevenLabs;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Providers.Llm;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers.Yandex;

namespace VoiceFunctions.MediaHost.Tests.Providers;

/// <summary>
/// The vendor samples of docs/providers/samples are what a user copies to switch vendors by configuration only: each
/// loads through the MediaHost's own start-up validation (<see cref="MediaHostServiceCollectionExtensions.AddMediaHost"/>,
/// <see cref="IStartupValidator"/>), the host then builds that vendor's adapter for the stage, every kind the
/// validator accepts has a sample, and no sample holds anything but a &lt;placeholder&gt; secret.
/// </summary>
public sealed class ProviderSamplesTests
{
    private static readonly string SamplesFolder = FindSamples();

    public static TheoryData<string> Samples() => [.. Directory.GetFiles(SamplesFolder, "*.json").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_vendor_sample_passes_the_hosts_start_up_validation_and_builds_that_vendors_adapter(string sample)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(SamplesFolder, sample)).Build();
        using var sp = new ServiceCollection().AddLogging().AddMediaHost(configuration).BuildServiceProvider();

        sp.GetRequiredService<IStartupValidator>().Validate();

        var chains = sp.GetRequiredService<IOptions<ProviderChainsOptions>>().Value;
        Assert.True(chains.Llm.IsConfigured || chains.Stt.IsConfigured || chains.Tts.IsConfigured, $"{sample} configures no chain");
        var factory = sp.GetRequiredService<AgentProviderFactory>();
        var chainFactory = new ProviderChainFactory(new HttpClient(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        if (chains.Llm.IsConfigured)
        {
            Assert.IsNotType<ScriptedLanguageModel>(factory.CreateLanguageModel());
            var members = chainFactory.LanguageModelChain(chains.Llm.Chain, chains.Llm.Failover).Members;
            Assert.All(members, m => Assert.IsType<ChatClientLanguageModel>(m.Provider));
        }
        if (chains.Stt.IsConfigured)
        {
            Assert.IsNotType<BatchRecognitionAdapter>(factory.CreateStreamingSpeechToText(() => throw new InvalidOperationException("the offline recogniser was asked for")));
            var members = chainFactory.SpeechToTextChain(chains.Stt.Chain, chains.Stt.Failover).Members;
            Assert.All(members.Zip(chains.Stt.Chain), m => Assert.IsType(SttAdapter(m.Second.Kind), m.First.Provider));
        }
        if (chains.Tts.IsConfigured)
        {
            Assert.IsNotType<EspeakTextToSpeech>(factory.CreateTextToSpeech());
            var members = chainFactory.TextToSpeechChain(chains.Tts.Chain, chains.Tts.Failover).Members;
            Assert.All(members.Zip(chains.Tts.Chain), m => Assert.IsType(TtsAdapter(m.Second.Kind), m.First.Provider));
        }
    }

    [Fact]
    public void Every_kind_the_validator_accepts_has_a_sample_of_its_own()
    {
        var covered = Directory.GetFiles(SamplesFolder, "*.json")
            .Select(f => (Name: Path.GetFileName(f), Chains: JsonNode.Parse(File.ReadAllText(f))!["AiLoop"]!["Providers"]!["Chains"]!.AsObject()))
            .Where(s => s.Chains.Count == 1) // one stage, one vendor: the sample for that vendor
            .SelectMany(s => s.Chains.SelectMany(stage => stage.Value!["Chain"]!.AsArray().Select(p => $"{stage.Key}:{p!["Kind"]}")))
            .ToHashSet();
        var kinds = ProviderChainsOptionsValidator.LlmKinds.Select(k => "Llm:" + k)
            .Concat(ProviderChainsOptionsValidator.SttKinds.Select(k => "Stt:" + k))
            .Concat(ProviderChainsOptionsValidator.TtsKinds.Select(k => "Tts:" + k));

        Assert.All(kinds, k => Assert.Contains(k, covered));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Samples_hold_only_placeholder_secrets(string sample)
    {
        var secrets = Regex.Matches(File.ReadAllText(Path.Combine(SamplesFolder, sample)), "\"(ApiKey|FolderId)\"\\s*:\\s*\"([^\"]*)\"")
            .Select(m => m.Groups[2].Value).ToList();

        Assert.All(secrets, s => Assert.Matches("^<[a-z0-9-]+>$", s));
    }

    private static Type SttAdapter(string kind) => kind switch
    {
        "deepgram" => typeof(DeepgramSpeechToText),
        "yandex" => typeof(YandexSpeechToText),
        _ => typeof(BatchRecognitionAdapter),
    };

    private static Type TtsAdapter(string kind) => kind switch
    {
        "yandex" => typeof(YandexTextToSpeech),
        "azure-speech" => typeof(AzureSpeechTextToSpeech),
        "elevenlabs" => typeof(ElevenLabsTextToSpeech),
        "cartesia" => typeof(CartesiaTextToSpeech),
        _ => typeof(OpenAiTextToSpeech),
    };

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "docs", "providers", "samples");
            if (Directory.Exists(samples))
            {
                return samples;
            }
        }
        throw new DirectoryNotFoundException($"docs/providers/samples above {AppContext.BaseDirectory}");
    }
}
