using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class VoiceAgentRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        before?.Invoke(services);
        services.AddMediaHost(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void With_no_configuration_the_agent_is_the_call_handler_with_offline_providers()
    {
        using var sp = Build([]);
        Assert.IsType<VoiceAgentCallHandler>(sp.GetRequiredService<ICallHandler>());
        Assert.IsType<PocketsphinxSpeechToText>(sp.GetRequiredService<ISpeechToText>());
        Assert.IsType<ScriptedLanguageModel>(sp.GetRequiredService<ILanguageModel>());
        Assert.IsType<CachingTextToSpeech>(sp.GetRequiredService<ITextToSpeech>()); // espeak-ng behind the sentence cache
        Assert.Equal("ru-RU", sp.GetRequiredService<IOptions<AiLoopOptions>>().Value.Language);
    }

    [Fact]
    public void With_no_configuration_the_agent_gets_the_streaming_offline_recogniser_the_model_vad_and_the_end_of_turn_scorer()
    {
        using var sp = Build([]);
        var agent = sp.GetRequiredService<AgentDependencies>();
        Assert.IsType<PocketsphinxStreamingSpeechToText>(agent.Recognition);
        Assert.NotNull(agent.VoiceActivityDetectorFactory);
        Assert.IsType<TranscriptEndOfTurnScorer>(agent.EndOfTurnModel);
    }

    [Fact]
    public void The_host_registers_exactly_one_call_handler()
    {
        using var sp = Build([]);
        Assert.IsType<VoiceAgentCallHandler>(Assert.Single(sp.GetServices<ICallHandler>()));
    }

    [Fact]
    public void Disabled_agent_chooses_the_built_in_echo_and_registers_no_agent()
    {
        using var sp = Build(new() { ["AiLoop:Enabled"] = "false" });
        Assert.IsType<EchoAnsweringHandler>(Assert.Single(sp.GetServices<ICallHandler>()));
        Assert.Null(sp.GetService<AgentDependencies>());
    }

    [Fact]
    public void A_batch_recogniser_is_adapted_to_the_streaming_contract()
    {
        using var sp = Build([], s => s.AddSingleton<ISpeechToText>(new FakeSpeechToText()));
        Assert.IsType<BatchRecognitionAdapter>(sp.GetRequiredService<IStreamingSpeechToText>());
        Assert.IsType<BatchRecognitionAdapter>(sp.GetRequiredService<AgentDependencies>().Recognition);
    }

    [Fact]
    public void A_registered_streaming_recogniser_is_used_as_it_is()
    {
        var streaming = new Stages.FakeStreamingSpeechToText();
        using var sp = Build([], s => s.AddSingleton<IStreamingSpeechToText>(streaming));
        Assert.Same(streaming, sp.GetRequiredService<AgentDependencies>().Recognition);
    }

    [Fact]
    public void A_registered_audio_front_end_factory_reaches_the_agent()
    {
        Func<IAudioFrontEnd> factory = () => new PassThroughFrontEnd();
        using var sp = Build([], s => s.AddSingleton(factory));
        Assert.Same(factory, sp.GetRequiredService<AgentDependencies>().AudioFrontEndFactory);
    }

    [Fact]
    public void OpenAi_providers_are_chosen_by_configuration()
    {
        using var sp = Build(new()
        {
            ["AiLoop:Language"] = "en-US",
            ["AiLoop:Providers:Llm"] = "openai",
            ["AiLoop:Providers:OpenAiLlm:BaseUrl"] = "http://127.0.0.1:11434/v1",
            ["AiLoop:Providers:OpenAiLlm:Model"] = "llama3",
            ["AiLoop:Providers:Stt"] = "openai",
            ["AiLoop:Providers:OpenAiStt:BaseUrl"] = "http://127.0.0.1:8000/v1",
            ["AiLoop:Providers:OpenAiStt:Model"] = "whisper-1",
        });
        Assert.IsType<VoiceFunctions.MediaHost.Providers.Failover.FailoverLanguageModel>(sp.GetRequiredService<ILanguageModel>());
        Assert.IsType<OpenAiSpeechToText>(Assert.IsType<VoiceFunctions.MediaHost.Providers.Failover.ResilientSpeechToText>(sp.GetRequiredService<ISpeechToText>()).Inner);
        Assert.IsType<CachingTextToSpeech>(sp.GetRequiredService<ITextToSpeech>());
    }

    [Fact]
    public void Tts_cache_with_no_entries_leaves_the_provider_alone()
    {
        using var sp = Build(new() { ["AiLoop:Providers:TtsCache:MaxEntries"] = "0" });
        Assert.IsType<EspeakTextToSpeech>(sp.GetRequiredService<ITextToSpeech>());
    }

    [Theory]
    [InlineData("AiLoop:Language", "de-DE", "Language must be ru-RU or en-US")]
    [InlineData("AiLoop:Endpointing:SilenceMs", "10", "AiLoop:Endpointing:SilenceMs")]
    [InlineData("AiLoop:BargeIn:ConfirmationMs", "0", "AiLoop:BargeIn:ConfirmationMs")]
    [InlineData("AiLoop:Silence:HangUpAfterSeconds", "5", "HangUpAfterSeconds must be greater than RepromptAfterSeconds")]
    [InlineData("AiLoop:Providers:Llm", "openai", "AiLoop:Providers:OpenAiLlm is required")]
    [InlineData("AiLoop:Providers:Tts", "festival", "AiLoop:Providers:Tts")]
    [InlineData("AiLoop:TransferTarget", "+79990000000", "TransferTarget must be a sip:, sips: or tel: URI")]
    [InlineData("AiLoop:TransferOnProviderFailure", "true", "needs AiLoop:TransferTarget")]
    [InlineData("AiLoop:Providers:DialogScriptPath", "/nonexistent/dialog.yaml", "does not exist")]
    public void Bad_configuration_fails_at_start_naming_the_setting(string key, string value, string expected)
    {
        using var sp = Build(new() { [key] = value });
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<AiLoopOptions>>().Value);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Bad_dialog_script_fails_at_start_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dialog-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "no_match: {en: x}\nintents:\n  - name: a\n    keywords: {en: [b]}\n    reply: {en: y}\n    action: fly\n");
        try
        {
            using var sp = Build(new() { ["AiLoop:Providers:DialogScriptPath"] = path });
            var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<AiLoopOptions>>().Value);
            Assert.Contains(path + ":6: unknown action 'fly'", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Http_tool_with_invalid_schema_is_rejected()
    {
        using var sp = Build(new()
        {
            ["AiLoop:HttpTools:0:Name"] = "lookup",
            ["AiLoop:HttpTools:0:Description"] = "Looks up",
            ["AiLoop:HttpTools:0:Url"] = "http://127.0.0.1:9/lookup",
            ["AiLoop:HttpTools:0:ParametersSchema"] = "{not json",
        });
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<AiLoopOptions>>().Value);
        Assert.Contains("AiLoop:HttpTools:0:ParametersSchema is not valid JSON", e.Message);
    }

    [Fact]
    public async Task Handler_answers_the_call_and_runs_the_agent_until_the_caller_hangs_up()
    {
        using var sp = Build(new() { ["AiLoop:Language"] = "en-US" }, s =>
        {
            s.AddSingleton<ITextToSpeech>(new FakeTextToSpeech());
            s.AddSingleton<ISpeechToText>(new FakeSpeechToText());
        });
        var call = new TestCallSession(maxFrames: 200);
        var incoming = new AnsweringCall(call);
        await sp.GetRequiredService<ICallHandler>().HandleAsync(incoming, CancellationToken.None).DefaultTimeout();
        Assert.True(incoming.Answered);
        Assert.Equal(30, call.PlayedCount); // the English greeting, from the injected TTS
    }

    [Fact]
    public async Task Start_up_warns_that_the_offline_stt_is_english_only_for_a_russian_agent()
    {
        var logs = new ListLogger();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AiLoop:Providers:Espeak:Command"] = "/nonexistent/espeak-ng" }).Build();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs));
        services.AddMediaHost(configuration);
        await using var sp = services.BuildServiceProvider(); // the media clock (a hosted service's dependency) disposes asynchronously
        await sp.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<VoiceAgentStartupCheck>().Single().StartAsync(CancellationToken.None);
        Assert.Contains(logs.Messages, m => m.Contains("English only") && m.Contains("ru-RU"));
        Assert.Contains(logs.Messages, m => m.Contains("'/nonexistent/espeak-ng' is not installed"));
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }

    private sealed class AnsweringCall(TestCallSession session) : IIncomingCall
    {
        public bool Answered { get; private set; }

        public InboundCall Call => session.Call;

        public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
        {
            Answered = true;
            return Task.FromResult<ICallSession>(session);
        }

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
