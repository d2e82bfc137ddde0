using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.Benchmarks.Agent;

/// <summary>
/// Load runs of the AI loop on real-time paced in-process calls (bounded in calls, turns and time):
/// <list type="bullet">
/// <item>overhead: zero-latency providers; endpointing decision → first agent frame written; 1 call and N concurrent calls;</item>
/// <item>offline: espeak-ng question → pocketsphinx + scripted dialog + espeak-ng; voice-to-voice over 20 turns.</item>
/// </list>
/// Usage: dotnet run -c Release --project bench/Benchmarks -- agent-load [overhead|offline|all] [calls]
/// </summary>
public static class AgentLoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "all";
        var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
        if (mode is "overhead" or "all")
        {
            Report("overhead, cold start (first 2 turns of the process, JIT included)", await OverheadAsync(1, 2), r => r.EndpointToFirstFrame);
            Report("overhead, 1 call x 20 turns, endpoint -> first frame", await OverheadAsync(1, 20), r => r.EndpointToFirstFrame);
            Report($"overhead, {calls} concurrent calls x 5 turns, endpoint -> first frame", await OverheadAsync(calls, 5), r => r.EndpointToFirstFrame);
        }
        if (mode is "offline" or "all")
        {
            var records = await OfflineAsync(20);
            Report("offline providers, 1 call x 20 turns, voice-to-voice (end of speech -> first frame, includes 500 ms endpointing)", records, r => r.VoiceToVoice);
            Report("offline providers, STT latency (end of speech -> final)", records, r => r.SttLatency);
            Report("offline providers, TTS time to first audio", records, r => r.TtsTimeToFirstAudio);
        }
        return 0;
    }

    private static async Task<List<TurnRecord>> OverheadAsync(int calls, int turnsPerCall)
    {
        var voice = Voice(600);
        var tts = new InstantTextToSpeech();
        var collector = new Collector();
        var deps = Dependencies(new InstantSpeechToText(), new InstantLanguageModel(), tts, collector);
        var options = new AiLoopOptions { Language = "en-US" };
        var runs = Enumerable.Range(0, calls).Select(async c =>
        {
            var call = new PacedCallSession();
            var asked = 0;
            // Stagger the calls so their turns do not all start on the same frame.
            var offset = 25 + c % 50;
            call.Script = (frame, session) =>
            {
                if (frame >= offset && (frame - offset) % 100 == 0)
                {
                    if (asked == turnsPerCall)
                    {
                        session.End();
                        return;
                    }
                    asked++;
                    session.Say(voice);
                }
            };
            await new AgentSession(call, options, deps).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));
        });
        await Task.WhenAll(runs);
        return collector.Speech();
    }

    private static async Task<List<TurnRecord>> OfflineAsync(int turns)
    {
        var tts = new EspeakTextToSpeech(new EspeakOptions());
        var stt = new PocketsphinxSpeechToText(new PocketsphinxOptions(), NullLogger<PocketsphinxSpeechToText>.Instance);
        var collector = new Collector();
        var script = new AgentProviderFactory(Microsoft.Extensions.Options.Options.Create(new AiLoopOptions()), null!, TimeProvider.System, NullLoggerFactory.Instance).LoadScript();
        var deps = Dependencies(stt, new ScriptedLanguageModel(script), tts, collector);
        var question = new List<short>();
        await foreach (var f in tts.SynthesizeAsync("What are your opening hours?", "en-US", CancellationToken.None))
        {
            question.AddRange(f);
        }
        var call = new PacedCallSession();
        var asked = 0;
        var idleSince = -1;
        call.Script = (frame, session) =>
        {
            // Ask again once the agent has answered and been quiet for a second.
            var answered = collector.Speech().Count >= asked;
            var idle = answered && session.QueuedPlayback == 0 && !session.CallerSpeaking;
            idleSince = idle ? (idleSince < 0 ? frame : idleSince) : -1;
            if (idleSince >= 0 && frame - idleSince >= 50 && frame > 150)
            {
                if (asked == turns)
                {
                    session.End();
                    return;
                }
                asked++;
                idleSince = -1;
                session.Say(question.ToArray());
            }
        };
        await new AgentSession(call, new AiLoopOptions { Language = "en-US", ProviderTimeoutSeconds = 30, Silence = { RepromptAfterSeconds = 600, HangUpAfterSeconds = 1200 } }, deps)
            .RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(10));
        return collector.Speech();
    }

    private static AgentDependencies Dependencies(ISpeechToText stt, ILanguageModel llm, ITextToSpeech tts, ITurnReporter reporter)
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        return new AgentDependencies(new BatchRecognitionAdapter(stt, "bench"), llm, tts, new PhraseAudioCache(tts), TimeProvider.System, new AgentMetrics(meters), reporter,
            NullLogger.Instance, new HttpToolInvoker(new HttpClient(), [], TimeProvider.System));
    }

    private static short[] Voice(int milliseconds)
    {
        var n = AudioFormat.SampleRate * milliseconds / 1000;
        return Enumerable.Range(0, n).Select(i =>
        {
            var t = (double)i / AudioFormat.SampleRate;
            var v = 0.0;
            for (var h = 1; h <= 6; h++)
            {
                v += Math.Sin(2 * Math.PI * 140 * h * t) / h;
            }
            return (short)(3000 * v);
        }).ToArray();
    }

    private static void Report(string title, List<TurnRecord> records, Func<TurnRecord, TimeSpan?> metric)
    {
        var values = records.Select(metric).Where(v => v is not null).Select(v => v!.Value.TotalMilliseconds).Order().ToArray();
        if (values.Length == 0)
        {
            Console.WriteLine($"{title}: no samples");
            return;
        }
        double P(double p) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(p * values.Length) - 1)];
        Console.WriteLine($"{title}: n={values.Length} median={P(0.5):F1} ms p95={P(0.95):F1} ms p99={P(0.99):F1} ms max={values[^1]:F1} ms");
    }

    private sealed class Collector : ITurnReporter
    {
        private readonly List<TurnRecord> _records = [];

        public ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken)
        {
            lock (_records)
            {
                _records.Add(turn);
            }
            return ValueTask.CompletedTask;
        }

        public List<TurnRecord> Speech()
        {
            lock (_records)
            {
                return _records.Where(r => r.Trigger == "speech").ToList();
            }
        }
    }
}
