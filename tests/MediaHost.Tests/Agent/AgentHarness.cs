using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>Builds an <see cref="AgentSession"/> on a <see cref="TestCallSession"/> with the given providers and collects its turn records.</summary>
internal sealed class AgentHarness : ITurnReporter
{
    public AgentHarness(TestCallSession call, ISpeechToText stt, ILanguageModel llm, ITextToSpeech tts, AiLoopOptions? options = null, HttpClient? toolHttp = null, TimeProvider? time = null,
        IStreamingSpeechToText? recognition = null)
    {
        Call = call;
        Options = options ?? new AiLoopOptions { Language = "en-US" };
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        MeterFactory = services.GetRequiredService<IMeterFactory>();
        var clock = time ?? call.Clock;
        Dependencies = new AgentDependencies(recognition ?? new BatchRecognitionAdapter(stt, "fake-stt"), llm, tts, new PhraseAudioCache(tts), clock,
            new AgentMetrics(MeterFactory), this, NullLogger.Instance,
            new HttpToolInvoker(toolHttp ?? new HttpClient(), Options.HttpTools, clock));
        Session = new AgentSession(call, Options, Dependencies);
    }

    public TestCallSession Call { get; }

    /// <summary>This harness's own meters (tests in parallel each have theirs: filter on Meter.Scope).</summary>
    public IMeterFactory MeterFactory { get; }

    public AiLoopOptions Options { get; }

    public AgentDependencies Dependencies { get; }

    public AgentSession Session { get; }

    public List<TurnRecord> Turns { get; } = [];

    public ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        lock (Turns)
        {
            Turns.Add(turn);
        }
        return ValueTask.CompletedTask;
    }

    public Task RunAsync() => Session.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    public TurnRecord Turn(string trigger, int nth = 0)
    {
        lock (Turns)
        {
            return Turns.Where(t => t.Trigger == trigger).ElementAt(nth);
        }
    }
}
