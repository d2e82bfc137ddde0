using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

namespace VoiceFunctions.Benchmarks.Recognition;

/// <summary>
/// The offline recogniser's understanding figure: every phrasing of the set in every voice, over PCMU and G.722,
/// recognised by the pooled pocketsphinx decoder and matched to an intent by the scripted dialog. Prints the
/// accuracy and writes the per-phrasing results as a Markdown table (argument 2, default recognition-phrasings.md).
/// Usage: recognition-accuracy [all|subset] [OUT.md]. PS_SEARCH=Grammar|LanguageModel|GrammarThenLanguageModel|LanguageModelThenGrammar, PS_OOS_WORDS=4, PS_FILLER=0.2,
/// PS_SET=FILE.tsv (another set, e.g. spoken keys), PS_CUT=0 (the full dictionary), PS_COMMON=1 (common words in the model),
/// PS_EXTRA="-name value ..." adds decoder arguments (tuning),
/// PS_THREADS=N (decoding threads, default one per core), PS_NOISE=0 (no front-end noise removal), PS_FOLD_WIDE=1 (G.722 folded like PCMU instead of reaching the model as it is), PS_WHOLE=1 (the final decoded again from the whole utterance with its own cepstral mean), PS_CMN=v1,...,v13 (a new caller's initial cepstral mean instead of the phone-line default; PS_CMN_WIDE the same for unfolded wideband), PS_CALLS=1 (each voice on each codec is one call saying every phrasing in turn), PS_GAIN_DB=N (callers N dB louder or quieter).
/// </summary>
public static class RecognitionAccuracyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var subset = args.Length > 0 && args[0] == "subset";
        var output = args.Length > 1 ? args[1] : "recognition-phrasings.md";
        var phrasings = PhrasingSet.Load(Environment.GetEnvironmentVariable("PS_SET")).Where(p => !subset || p.InRegressionSubset).ToList();
        var script = DialogScriptLoader.LoadDefault();
        var matcher = new ScriptedLanguageModel(script);
        var partialWhenNoPath = Environment.GetEnvironmentVariable("PS_PARTIAL") == "1";
        var extra = (Environment.GetEnvironmentVariable("PS_EXTRA") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var stt = new PocketsphinxStreamingSpeechToText(new PocketsphinxStreamingOptions
        {
            MaxDecoders = 2,
            FoldNarrowband = Environment.GetEnvironmentVariable("PS_FOLD") != "0",
            CutDictionary = Environment.GetEnvironmentVariable("PS_CUT") != "0",
            CommonWordsInLanguageModel = Environment.GetEnvironmentVariable("PS_COMMON") == "1",
            OutOfScriptPath = Environment.GetEnvironmentVariable("PS_GARBAGE") is { Length: > 0 } garbage && garbage != "off",
            ExtraArguments = extra,
            FoldWideband = Environment.GetEnvironmentVariable("PS_FOLD_WIDE") == "1",
            DecodingThreads = int.TryParse(Environment.GetEnvironmentVariable("PS_THREADS"), out var threads) ? threads : 0,
            RemoveNoise = Environment.GetEnvironmentVariable("PS_NOISE") != "0",
            WholeUtteranceFinal = Environment.GetEnvironmentVariable("PS_WHOLE") == "1",
            WidebandInitialCepstralMean = Environment.GetEnvironmentVariable("PS_CMN_WIDE") is { Length: > 0 } wide ? [.. wide.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture))] : [],
            InitialCepstralMean = Environment.GetEnvironmentVariable("PS_CMN") is { Length: > 0 } cmn ? [.. cmn.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture))] : [],
            Search = Enum.TryParse<PocketsphinxSearchMode>(Environment.GetEnvironmentVariable("PS_SEARCH"), out var search) ? search : PocketsphinxSearchMode.LanguageModelThenGrammar,
            OutOfScriptWords = int.TryParse(Environment.GetEnvironmentVariable("PS_OOS_WORDS"), out var outOfScriptWords) ? outOfScriptWords : 4,
            FillerMass = double.TryParse(Environment.GetEnvironmentVariable("PS_FILLER"), System.Globalization.CultureInfo.InvariantCulture, out var filler) ? filler : 0.2,
            OutOfScriptWeight = double.TryParse(Environment.GetEnvironmentVariable("PS_GARBAGE"), System.Globalization.CultureInfo.InvariantCulture, out var weight) ? weight : PocketsphinxStreamingOptions.DefaultOutOfScriptWeight,
            WordInsertionPenalty = double.TryParse(Environment.GetEnvironmentVariable("PS_WIP"), System.Globalization.CultureInfo.InvariantCulture, out var wip) ? wip : 1e-3,
        }, script, NullLogger<PocketsphinxStreamingSpeechToText>.Instance);
        // A cold decoder load (acoustic model, dictionary, searches), as a host's first caller or a spare load pays it.
        var load = Stopwatch.StartNew();
        stt.Warm(1);
        Console.WriteLine($"cold decoder load: {load.Elapsed.TotalMilliseconds:F0} ms (dictionary: {(stt.DictionaryWords() is > 0 and var words ? $"cut to {words} words" : "full")})");
        var codecs = new[] { PhoneCodec.Pcmu, PhoneCodec.G722 };
        var jobs = (from p in phrasings from v in PhrasingSet.Voices from c in codecs select (p, v, c)).ToList();
        var results = new ConcurrentDictionary<(Phrasing, SyntheticVoice, PhoneCodec), (string Heard, string? Intent, TimeSpan FinalLatency)>();
        var withPartial = new ConcurrentDictionary<(Phrasing, SyntheticVoice, PhoneCodec), (string Heard, string? Intent, TimeSpan FinalLatency)>();
        var clock = Stopwatch.StartNew();
        var speech = new ConcurrentDictionary<(Phrasing, SyntheticVoice), short[]>();
        // PS_CALLS=1: each voice on each codec is one caller saying every phrasing in one call (the decoders carry that
        // caller's line from utterance to utterance); otherwise every utterance is a new caller's first.
        // PS_GAIN_DB=N: every caller N dB louder (negative: quieter) than the synthesised speech, before the codec.
        var gainDb = double.TryParse(Environment.GetEnvironmentVariable("PS_GAIN_DB"), System.Globalization.CultureInfo.InvariantCulture, out var gain) ? gain : 0;
        var asCalls = Environment.GetEnvironmentVariable("PS_CALLS") == "1";
        var callers = asCalls ? jobs.GroupBy(job => (job.v, job.c)).Select(call => call.ToList()).ToList() : jobs.Select(job => new[] { job }.ToList()).ToList();
        await Parallel.ForEachAsync(callers, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (call, ct) =>
        {
            var caller = asCalls ? new RecognitionSpeaker() : null;
            foreach (var job in call)
            {
                var audio = speech.GetOrAdd((job.p, job.v), key => OfflineRecognition.SpeakAsync(key.Item1.Text, key.Item2).GetAwaiter().GetResult());
                var outcome = await OfflineRecognition.RecogniseAsync(stt, TelephoneChannel.Transmit(Louder(audio, gainDb), job.c), ct, caller, TelephoneChannel.LineRate(job.c));
                // PS_PARTIAL=1 (tuning): with no complete grammar path, judge the last interim (the best partial path) instead.
                var heard = outcome.Final.Length == 0 && partialWhenNoPath && outcome.Interims.Count > 0 ? outcome.Interims[^1] : outcome.Final;
                results[job] = (heard, matcher.Match(heard, "en")?.Name, outcome.FinalAfterComplete);
                var partial = outcome.Final.Length == 0 && outcome.Interims.Count > 0 ? outcome.Interims[^1] : outcome.Final;
                withPartial[job] = (partial, matcher.Match(partial, "en")?.Name, outcome.FinalAfterComplete);
            }
        });
        var report = new StringBuilder();
        report.AppendLine("| intent | phrasing | " + string.Join(" | ", from v in PhrasingSet.Voices from c in codecs select $"{v} {c}") + " |");
        report.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", PhrasingSet.Voices.Count * codecs.Length)));
        foreach (var p in phrasings)
        {
            var cells = from v in PhrasingSet.Voices from c in codecs let r = results[(p, v, c)] select Cell(p, r.Heard, r.Intent);
            report.AppendLine($"| {p.Intent} | {p.Text} | {string.Join(" | ", cells)} |");
        }
        await File.WriteAllTextAsync(output, report.ToString());
        // Every final heard, for trying intent matchers without decoding again.
        await File.WriteAllLinesAsync(Path.ChangeExtension(output, ".heard.tsv"),
            from r in results orderby r.Key.Item1.Text, r.Key.Item2.ToString(), r.Key.Item3 select $"{r.Key.Item1.Intent}\t{r.Key.Item1.Text}\t{r.Key.Item2}\t{r.Key.Item3}\t{r.Value.Heard}");
        foreach (var codec in codecs)
        {
            Summarise(codec.ToString(), results.Where(r => r.Key.Item3 == codec).ToList());
        }
        Summarise("all", results.ToList());
        Summarise("all, last interim when no complete path", withPartial.ToList());
        var latencies = results.Values.Select(r => r.FinalLatency.TotalMilliseconds).Order().ToList();
        Console.WriteLine($"final after CompleteAsync (unpaced, 2 streams at once): p50 {latencies[latencies.Count / 2]:F0} ms, p95 {latencies[latencies.Count * 95 / 100]:F0} ms");
        Console.WriteLine($"{jobs.Count} utterances in {clock.Elapsed.TotalSeconds:F0} s; per-phrasing table: {output}");
        return 0;
    }

    private static void Summarise(string label, List<KeyValuePair<(Phrasing, SyntheticVoice, PhoneCodec), (string Heard, string? Intent, TimeSpan FinalLatency)>> results)
    {
        var inScript = results.Where(r => r.Key.Item1.Intent != PhrasingSet.NoIntent).ToList();
        var outOfScript = results.Where(r => r.Key.Item1.Intent == PhrasingSet.NoIntent).ToList();
        var correct = inScript.Count(r => r.Value.Intent == r.Key.Item1.Intent);
        var rejected = outOfScript.Count(r => r.Value.Intent is null);
        Console.WriteLine($"{label}: intent accuracy {Percent(correct, inScript.Count)} ({correct}/{inScript.Count}); out-of-script rejected {Percent(rejected, outOfScript.Count)} ({rejected}/{outOfScript.Count})");
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:F1} %";

    private static short[] Louder(short[] audio, double gainDb)
    {
        if (gainDb == 0)
        {
            return audio;
        }
        var factor = Math.Pow(10, gainDb / 20);
        return [.. audio.Select(sample => (short)Math.Clamp(Math.Round(sample * factor), short.MinValue, short.MaxValue))];
    }

    private static string Cell(Phrasing phrasing, string heard, string? intent)
    {
        var expected = phrasing.Intent == PhrasingSet.NoIntent ? null : phrasing.Intent;
        return intent == expected ? "✓" : $"✗ {intent ?? "none"}: \"{heard}\"";
    }
}
