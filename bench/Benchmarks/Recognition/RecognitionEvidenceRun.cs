using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

namespace VoiceFunctions.Benchmarks.Recognition;

/// <summary>
/// Tuning data for the intent decision: every phrasing of the set in every voice over PCMU and G.722, decoded by a
/// decoder of the offline recogniser with the grammar (streamed in 20 ms frames, as on a call) and again with the dialog
/// language model, written as TSV: intent, phrasing, voice, codec, grammar hypothesis, its score, its intent, model
/// hypothesis, its score, its intent, frames. Usage: recognition-evidence [all|subset] OUT.tsv (PS_COMMON=1 as in recognition-accuracy).
/// </summary>
public static class RecognitionEvidenceRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var subset = args.Length > 0 && args[0] == "subset";
        var output = args.Length > 1 ? args[1] : "recognition-evidence.tsv";
        var phrasings = PhrasingSet.Load(Environment.GetEnvironmentVariable("PS_SET")).Where(p => !subset || p.InRegressionSubset).ToList();
        var script = DialogScriptLoader.LoadDefault();
        var matcher = new ScriptedLanguageModel(script);
        using var stt = new PocketsphinxStreamingSpeechToText(new PocketsphinxStreamingOptions
        {
            CommonWordsInLanguageModel = Environment.GetEnvironmentVariable("PS_COMMON") == "1",
            // Grammar first, the model second: the columns the tuning scripts read.
            Search = PocketsphinxSearchMode.GrammarThenLanguageModel,
        }, script, NullLogger<PocketsphinxStreamingSpeechToText>.Instance);
        var decoders = new ConcurrentBag<PocketsphinxDecoder>();
        var codecs = new[] { PhoneCodec.Pcmu, PhoneCodec.G722 };
        var jobs = (from p in phrasings from v in PhrasingSet.Voices from c in codecs select (p, v, c)).ToList();
        var lines = new ConcurrentBag<string>();
        var speech = new ConcurrentDictionary<(Phrasing, SyntheticVoice), short[]>();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (job, ct) =>
        {
            var audio = speech.GetOrAdd((job.p, job.v), key => OfflineRecognition.SpeakAsync(key.Item1.Text, key.Item2).GetAwaiter().GetResult());
            var line = TelephoneChannel.Transmit(audio, job.c);
            if (!decoders.TryTake(out var decoder))
            {
                decoder = stt.CreateDecoder();
                decoder.DecodeBoth = true;
            }
            try
            {
                var folding = new SpectralFolding(16_000);
                var folded = new short[folding.MaxOutputFor(320)];
                decoder.StartUtterance();
                for (var offset = 0; offset < line.Length; offset += 320)
                {
                    var count = folding.Process(line.AsSpan(offset, Math.Min(320, line.Length - offset)), folded);
                    decoder.Process(folded.AsSpan(0, count));
                }
                decoder.EndUtterance();
                var e = decoder.LastEvidence;
                lines.Add(string.Join('\t', job.p.Intent, job.p.Text, job.v, job.c,
                    e.First, e.FirstScore.ToString(CultureInfo.InvariantCulture), matcher.Match(e.First, "en")?.Name ?? "none",
                    e.Second ?? "", e.SecondScore.ToString(CultureInfo.InvariantCulture), matcher.Match(e.Second ?? "", "en")?.Name ?? "none",
                    e.Frames.ToString(CultureInfo.InvariantCulture)));
            }
            finally
            {
                decoders.Add(decoder);
            }
            await Task.CompletedTask;
        });
        foreach (var decoder in decoders)
        {
            decoder.Dispose();
        }
        await File.WriteAllLinesAsync(output, lines.Order(StringComparer.Ordinal));
        Console.WriteLine($"{jobs.Count} utterances; evidence: {output}");
        return 0;
    }
}
