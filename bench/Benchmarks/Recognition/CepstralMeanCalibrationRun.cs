using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

namespace VoiceFunctions.Benchmarks.Recognition;

/// <summary>
/// Measures the cepstral mean of phone-line speech as the offline decoder hears it (the default
/// <see cref="PocketsphinxStreamingOptions.InitialCepstralMean"/>): every phrasing of the set in every voice over PCMU and
/// G.722 is decoded as a new caller's only utterance, the mean that utterance leaves is read, and the means are averaged
/// per codec and over both. Usage: recognition-cmn-prior [all|subset] (default subset, the set the defaults came from);
/// the phone-band default is "both" of a run with PS_FOLD_WIDE=1, the wideband default is G722 of a default run.
/// </summary>
public static class CepstralMeanCalibrationRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var subset = args.Length == 0 || args[0] != "all";
        var script = DialogScriptLoader.LoadDefault();
        // G.722 reaches the model as it is (its line is the wideband mean); PS_FOLD_WIDE=1: both folded ("both" is the phone-band mean).
        var options = new PocketsphinxStreamingOptions { MaxDecoders = 1, FoldWideband = Environment.GetEnvironmentVariable("PS_FOLD_WIDE") == "1" };
        using var stt = new PocketsphinxStreamingSpeechToText(options, script, NullLogger<PocketsphinxStreamingSpeechToText>.Instance);
        var codecs = new[] { PhoneCodec.Pcmu, PhoneCodec.G722 };
        var sums = codecs.ToDictionary(c => c, _ => new double[PocketsphinxStreamingOptions.PhoneLineCepstralMean.Count]);
        var utterances = codecs.ToDictionary(c => c, _ => 0);
        var left = new CepstralMeanState(PocketsphinxStreamingOptions.PhoneLineCepstralMean.Count);
        foreach (var phrasing in PhrasingSet.Load(Environment.GetEnvironmentVariable("PS_SET")).Where(p => !subset || p.InRegressionSubset))
        {
            foreach (var voice in PhrasingSet.Voices)
            {
                var speech = await OfflineRecognition.SpeakAsync(phrasing.Text, voice);
                foreach (var codec in codecs)
                {
                    // A caller whose mean so far weighs nothing: the mean their utterance leaves is its own.
                    var caller = new RecognitionSpeaker();
                    stt.MeanOf(caller).Learn(new CepstralMeanState(left.Mean.Length));
                    await OfflineRecognition.RecogniseAsync(stt, TelephoneChannel.Transmit(speech, codec), speaker: caller, lineRate: TelephoneChannel.LineRate(codec));
                    if (!stt.MeanOf(caller).TryCopyTo(left))
                    {
                        throw new InvalidOperationException("the decoder kept no cepstral mean for the caller");
                    }
                    for (var i = 0; i < left.Mean.Length; i++)
                    {
                        sums[codec][i] += left.Mean[i];
                    }
                    utterances[codec]++;
                }
            }
        }
        foreach (var codec in codecs)
        {
            Console.WriteLine($"{codec} ({utterances[codec]} utterances): {Format(sums[codec].Select(s => s / utterances[codec]))}");
        }
        var total = utterances.Values.Sum();
        Console.WriteLine($"both ({total} utterances): {Format(Enumerable.Range(0, left.Mean.Length).Select(i => codecs.Sum(c => sums[c][i]) / total))}");
        Console.WriteLine($"defaults in use: phone band {Format(PocketsphinxStreamingOptions.PhoneLineCepstralMean.Select(v => (double)v))}; wideband {Format(PocketsphinxStreamingOptions.WidebandLineCepstralMean.Select(v => (double)v))}");
        return 0;
    }

    private static string Format(IEnumerable<double> values) => string.Join(",", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));
}
