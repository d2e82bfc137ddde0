using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.Benchmarks.Providers;

/// <summary>
/// "providers-load CALLS": CALLS concurrent turns through the three failover chains (STT → LLM → TTS) on fixed-latency
/// in-process provider doubles, and the failover time of a TTS chain whose primary answers 503 or hangs. Prints the
/// chains' own overhead (end of speech → first TTS frame, minus the doubles' fixed latencies) and the time to the
/// secondary's first audio, p50/p95/p99. The session is not in this loop: this is the provider layer's own share.
/// </summary>
public static class ProviderChainRun
{
    private static readonly TimeSpan SttLatency = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan LlmLatency = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan TtsLatency = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0]) : 100;
        var factory = new ProviderChainFactory(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);
        var failover = new FailoverOptions();
        await OverheadAsync(factory, failover, 10); // warm-up: JIT, thread pool
        var overhead = await OverheadAsync(factory, failover, calls);
        Print($"loop overhead, {calls} concurrent turns (ms, minus {SttLatency.TotalMilliseconds + LlmLatency.TotalMilliseconds + TtsLatency.TotalMilliseconds} ms of provider latency)", overhead);
        foreach (var mode in new[] { "503", "hang" })
        {
            var times = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => FailoverAsync(factory, failover, mode)));
            Print($"failover, primary {mode} → secondary's first audio, {calls} concurrent (ms, secondary's own latency {TtsLatency.TotalMilliseconds} ms included)", [.. times]);
        }
        return 0;
    }

    private static async Task<double[]> OverheadAsync(ProviderChainFactory factory, FailoverOptions failover, int calls)
    {
        var stt = new FailoverSpeechToText([Member<IStreamingSpeechToText>(factory, "stt-a", new FixedLatencySpeechToText(SttLatency), failover)], failover, TimeProvider.System, NullLogger.Instance);
        var llm = new FailoverLanguageModel([Member<ILanguageModel>(factory, "llm-a", new FixedLatencyLanguageModel(LlmLatency), failover)], failover, TimeProvider.System, NullLogger.Instance);
        var tts = new FailoverTextToSpeech([Member<ITextToSpeech>(factory, "tts-a", new FixedLatencyTextToSpeech(TtsLatency), failover)], failover, TimeProvider.System, NullLogger.Instance);
        var fixedLatency = (SttLatency + LlmLatency + TtsLatency).TotalMilliseconds;
        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
        {
            await using var stream = await stt.StartAsync(RecognitionRequest.For("ru-RU"), CancellationToken.None);
            var frame = new short[320];
            for (var i = 0; i < 50; i++)
            {
                await stream.WriteAsync(frame, CancellationToken.None);
            }
            var endOfSpeech = Stopwatch.GetTimestamp();
            await stream.CompleteAsync(CancellationToken.None);
            var text = "";
            await foreach (var r in stream.Results(CancellationToken.None))
            {
                if (r.IsFinal)
                {
                    text = r.Text;
                }
            }
            var sentence = "";
            await foreach (var u in llm.StreamAsync(new LanguageModelRequest([new ChatMessage(ChatRole.User, text)], [], "ru-RU"), CancellationToken.None))
            {
                sentence += u.Text;
                if (sentence.EndsWith(' '))
                {
                    break; // the first words go to TTS as a sentence would
                }
            }
            await foreach (var first in tts.SynthesizeAsync(sentence, "ru-RU", CancellationToken.None))
            {
                return Stopwatch.GetElapsedTime(endOfSpeech).TotalMilliseconds - fixedLatency;
            }
            return double.NaN;
        }));
        return results;
    }

    private static async Task<double> FailoverAsync(ProviderChainFactory factory, FailoverOptions failover, string mode)
    {
        var chain = new FailoverTextToSpeech(
            [Member<ITextToSpeech>(factory, "primary", new FixedLatencyTextToSpeech(TtsLatency, mode), failover),
             Member<ITextToSpeech>(factory, "secondary", new FixedLatencyTextToSpeech(TtsLatency), failover)],
            failover, TimeProvider.System, NullLogger.Instance);
        var started = Stopwatch.GetTimestamp();
        await foreach (var _ in chain.SynthesizeAsync("Добрый день.", "ru-RU", CancellationToken.None))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            foreach (var m in chain.Members)
            {
                m.Health.Dispose(); // stop the primary's background probe: each run is its own chain
            }
            return elapsed;
        }
        return double.NaN;
    }

    private static ChainMember<T> Member<T>(ProviderChainFactory factory, string name, T provider, FailoverOptions failover) =>
        factory.Member("bench", new ProviderOptions { Kind = name }, provider, (_, _) => Task.CompletedTask, failover);

    private static void Print(string what, double[] values)
    {
        Array.Sort(values);
        double P(double q) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
        Console.WriteLine($"{what}: p50 {P(0.50):0.0}  p95 {P(0.95):0.0}  p99 {P(0.99):0.0}  max {values[^1]:0.0}");
    }
}
