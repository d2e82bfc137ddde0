using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Tests.Providers;

public sealed class ProviderChainsOptionsValidatorTests
{
    private static ProviderChainsOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddProviderChains(configuration);
        using var sp = services.BuildServiceProvider();
        return sp.GetRequiredService<IOptions<ProviderChainsOptions>>().Value;
    }

    [Fact]
    public void Vendors_are_chosen_per_stage_and_language_by_configuration_only()
    {
        var options = Bind(new()
        {
            ["AiLoop:Providers:Chains:Llm:Chain:0:Kind"] = "azure-openai",
            ["AiLoop:Providers:Chains:Llm:Chain:0:Endpoint"] = "https://res.openai.azure.com",
            ["AiLoop:Providers:Chains:Llm:Chain:0:Deployment"] = "gpt-4o-mini",
            ["AiLoop:Providers:Chains:Llm:Chain:0:ApiKey"] = "k",
            ["AiLoop:Providers:Chains:Stt:Chain:0:Kind"] = "deepgram",
            ["AiLoop:Providers:Chains:Stt:Chain:0:ApiKey"] = "k",
            ["AiLoop:Providers:Chains:Stt:Chain:1:Kind"] = "yandex",
            ["AiLoop:Providers:Chains:Stt:Chain:1:ApiKey"] = "k",
            ["AiLoop:Providers:Chains:Tts:Chain:0:Kind"] = "azure-speech",
            ["AiLoop:Providers:Chains:Tts:Chain:0:Region"] = "westeurope",
            ["AiLoop:Providers:Chains:Tts:Chain:0:ApiKey"] = "k",
            ["AiLoop:Providers:Chains:Tts:ByLanguage:en-US:0:Kind"] = "elevenlabs",
            ["AiLoop:Providers:Chains:Tts:ByLanguage:en-US:0:Voice"] = "v",
            ["AiLoop:Providers:Chains:Tts:ByLanguage:en-US:0:ApiKey"] = "k",
        });
        var factory = new ProviderChainFactory(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);

        var llm = Assert.IsType<FailoverLanguageModel>(factory.CreateLanguageModel(options.Llm));
        Assert.Equal(["azure-openai"], llm.Members.Select(m => m.Name));
        var stt = Assert.IsType<FailoverSpeechToText>(factory.CreateSpeechToText(options.Stt));
        Assert.Equal("deepgram>yandex", stt.Name);
        Assert.IsNotType<FailoverTextToSpeech>(factory.CreateTextToSpeech(options.Tts)); // routed by language
        Assert.Equal("en-US", LanguageRouted.Pick(new Dictionary<string, string> { ["en-US"] = "en-US", ["*"] = "default" }, "en-US"));
        Assert.Equal("default", LanguageRouted.Pick(new Dictionary<string, string> { ["en-US"] = "en-US", ["*"] = "default" }, "ru-RU"));
    }

    [Fact]
    public void Each_missing_setting_is_reported_with_its_configuration_key_and_no_key_value()
    {
        Assert.Throws<OptionsValidationException>(() => Bind(new() { ["AiLoop:Providers:Chains:Tts:Chain:0:Kind"] = "azure-speech" }));
        var result = new ProviderChainsOptionsValidator().Validate(null, new ProviderChainsOptions
        {
            Llm = { Chain = [new ProviderOptions { Kind = "azure-openai", Endpoint = "https://res.openai.azure.com", ApiKey = "secret-value" }] },
            Stt = { Chain = [new ProviderOptions { Kind = "whisper-live" }] },
            Tts = { Chain = [new ProviderOptions { Kind = "elevenlabs", ApiKey = "k" }], Failover = { FirstResultDeadlineMs = 10 } },
        });
        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains("AiLoop:Providers:Chains:Llm:Chain:0: kind 'azure-openai' needs Deployment", failures);
        Assert.Contains(failures, f => f.StartsWith("AiLoop:Providers:Chains:Stt:Chain:0:Kind 'whisper-live' is not one of", StringComparison.Ordinal));
        Assert.Contains("AiLoop:Providers:Chains:Tts:Chain:0: kind 'elevenlabs' needs Voice (the voice id)", failures);
        Assert.Contains(failures, f => f.StartsWith("AiLoop:Providers:Chains:Tts:Failover:FirstResultDeadlineMs", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_options_never_show_the_key()
    {
        var options = new ProviderOptions { Kind = "deepgram", ApiKey = "secret-" + Guid.NewGuid() };
        Assert.DoesNotContain(options.ApiKey, options.ToString());
        Assert.Contains("<set>", options.ToString());
    }

    [Theory]
    [InlineData("10", "1500", "3", true)]   // the defaults: 3 x 1.5 s within the 10 s stage deadline
    [InlineData("10", "5000", "2", false)]  // the second provider would start only as the stage gives the turn up
    [InlineData("4", "1500", "3", false)]
    public void Every_provider_of_a_chain_must_get_its_turn_before_the_stage_deadline(string stageSeconds, string firstResultMs, string providers, bool valid)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AiLoop:ProviderTimeoutSeconds"] = stageSeconds,
            ["AiLoop:Providers:Chains:Llm:Failover:FirstResultDeadlineMs"] = firstResultMs,
        };
        for (var i = 0; i < int.Parse(providers); i++)
        {
            settings[$"AiLoop:Providers:Chains:Llm:Chain:{i}:Kind"] = "openai";
            settings[$"AiLoop:Providers:Chains:Llm:Chain:{i}:Model"] = "m";
            settings[$"AiLoop:Providers:Chains:Llm:Chain:{i}:ApiKey"] = "<key>";
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var sp = new ServiceCollection().AddLogging().AddMediaHost(configuration).BuildServiceProvider();

        var validate = () => sp.GetRequiredService<IStartupValidator>().Validate();

        if (valid)
        {
            validate();
        }
        else
        {
            var e = Assert.Throws<OptionsValidationException>(validate);
            Assert.Contains("AiLoop:Providers:Chains:Llm:Failover:FirstResultDeadlineMs", e.Message);
            Assert.Contains("AiLoop:ProviderTimeoutSeconds", e.Message);
        }
    }
}
