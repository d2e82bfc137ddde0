using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

namespace VoiceFunctions.Benchmarks.Recognition;

/// <summary>
/// CPU and latency of the offline recognition path per call. STREAMS callers speak at once, in real time (a 20 ms
/// frame every 20 ms), the demo question over PCMU, UTTERANCES times each: the process CPU per speaking call, the first
/// interim after the stream opened, and the final after CompleteAsync. Then the Silero VAD per call, on speech and on
/// an idle line (silence and line noise, where the energy gate keeps the model off).
/// Usage: recognition-cpu [STREAMS] [UTTERANCES] [SILERO_MODEL_PATH].
/// </summary>
public static class RecognitionCpuRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var streams = args.Length > 0 ? int.Parse(args[0]) : 2;
        var utterances = args.Length > 1 ? int.Parse(args[1]) : 3;
        var modelPath = args.Length > 2 ? args[2] : SileroVadOptions.DefaultModelPath;
        var speech = TelephoneChannel.Transmit(await OfflineRecognition.SpeakAsync("What are your opening hours?", PhrasingSet.Voices[0]), PhoneCodec.Pcmu);
        using var stt = new PocketsphinxStreamingSpeechToText(new PocketsphinxStreamingOptions { MaxDecoders = streams }, DialogScriptLoader.LoadDefault(), NullLogger<PocketsphinxStreamingSpeechToText>.Instance);
        stt.Warm(streams);

        var firstInterims = new List<double>();
        var finals = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async _ =>
        {
            for (var i = 0; i < utterances; i++)
            {
                var (first, final) = await PacedUtteranceAsync(stt, speech);
                lock (finals)
                {
                    firstInterims.Add(first);
                    finals.Add(final);
                }
            }
        }));
        var decoderCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var speakingSeconds = wall.Elapsed.TotalSeconds * streams;
        Console.WriteLine($"recogniser: {streams} callers speaking at once, {utterances} utterances each ({speech.Length / 16_000.0:F2} s of audio), {wall.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  CPU per speaking call: {100 * decoderCpu / speakingSeconds:F1} % of a core");
        Console.WriteLine($"  first interim after the stream opened: p50 {Percentile(firstInterims, 50):F0} ms, max {firstInterims.Max():F0} ms");
        Console.WriteLine($"  final after CompleteAsync: p50 {Percentile(finals, 50):F0} ms, p95 {Percentile(finals, 95):F0} ms");
        Console.WriteLine("  recogniser per idle call: 0 (a decoder is rented only while the caller speaks)");

        if (File.Exists(modelPath))
        {
            using var factory = new SileroVadFactory(new SileroVadOptions { ModelPath = modelPath }, new VadOptions(), NullLogger<SileroVadFactory>.Instance);
            var random = new Random(3);
            var idle = Enumerable.Range(0, 16_000 * 10).Select(_ => (short)random.Next(-20, 21)).ToArray();
            Console.WriteLine($"silero VAD per call, speech: {VadCpuPercent(factory, speech):F2} % of a core; idle line: {VadCpuPercent(factory, idle):F3} % of a core");
        }
        else
        {
            Console.WriteLine($"silero VAD: model not found at {modelPath}");
        }
        return 0;
    }

    private static async Task<(double FirstInterimMs, double FinalMs)> PacedUtteranceAsync(PocketsphinxStreamingSpeechToText stt, short[] audio)
    {
        var clock = Stopwatch.StartNew();
        await using var stream = await stt.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None);
        double first = -1;
        double completedAt = 0;
        double finalAt = 0;
        var reader = Task.Run(async () =>
        {
            await foreach (var result in stream.Results(CancellationToken.None))
            {
                if (!result.IsFinal && first < 0)
                {
                    first = clock.Elapsed.TotalMilliseconds;
                }
                if (result.IsFinal)
                {
                    finalAt = clock.Elapsed.TotalMilliseconds;
                }
            }
        });
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (var offset = 0; offset < audio.Length; offset += 320)
        {
            await stream.WriteAsync(audio.AsMemory(offset, Math.Min(320, audio.Length - offset)), CancellationToken.None);
            await timer.WaitForNextTickAsync();
        }
        completedAt = clock.Elapsed.TotalMilliseconds;
        await stream.CompleteAsync(CancellationToken.None);
        await reader;
        return (first, finalAt - completedAt);
    }

    /// <summary>CPU of one call's detector, as a share of a core, for audio arriving at 50 frames a second.</summary>
    private static double VadCpuPercent(SileroVadFactory factory, short[] audio)
    {
        var detector = factory.Create();
        var frames = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var pass = 0; pass < 5; pass++)
        {
            for (var offset = 0; offset + 320 <= audio.Length; offset += 320, frames++)
            {
                detector.Process(audio.AsSpan(offset, 320));
            }
        }
        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        (detector as IDisposable)?.Dispose();
        return 100 * seconds / (frames * 0.02);
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, sorted.Count * percentile / 100)];
    }
}
