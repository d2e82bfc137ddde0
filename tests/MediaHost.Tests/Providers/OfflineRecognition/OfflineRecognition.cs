using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

/// <summary>What a recognition stream produced for one utterance, with the media-time marks the bench reports.</summary>
public sealed record RecognitionOutcome(string Final, IReadOnlyList<string> Interims, TimeSpan? FirstInterimAfterSpeechStart, TimeSpan FinalAfterComplete);

/// <summary>Speaks phrasings with espeak-ng and recognises them the way the audio loop does (20 ms frames, then complete).</summary>
public static class OfflineRecognition
{
    private static readonly short[] Silence = new short[16_000 / 5];

    /// <summary>espeak-ng speech at 16 kHz with 200 ms of silence either side, like an utterance the endpointer cut.</summary>
    public static async Task<short[]> SpeakAsync(string text, SyntheticVoice voice)
    {
        VoiceFunctions.TestSupport.RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        var tts = new EspeakTextToSpeech(new EspeakOptions { EnglishVoice = voice.Voice, WordsPerMinute = voice.WordsPerMinute });
        var speech = new List<short>(Silence);
        await foreach (var frame in tts.SynthesizeAsync(text, "en-US", CancellationToken.None))
        {
            speech.AddRange(frame);
        }
        speech.AddRange(Silence);
        return [.. speech];
    }

    /// <summary>Pushes the audio in 20 ms frames as fast as the stream takes them, completes it and collects the results.</summary>
    public static async Task<RecognitionOutcome> RecogniseAsync(IStreamingSpeechToText stt, short[] audio16k, CancellationToken cancellationToken = default, RecognitionSpeaker? speaker = null)
    {
        await using var stream = await stt.StartAsync(RecognitionRequest.For("en-US", speaker: speaker), cancellationToken);
        var interims = new List<string>();
        TimeSpan? firstInterim = null;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var completedAt = TimeSpan.Zero;
        var final = "";
        var reader = Task.Run(async () =>
        {
            await foreach (var result in stream.Results(cancellationToken))
            {
                if (result.IsFinal)
                {
                    final = (final + " " + result.Text).Trim();
                }
                else
                {
                    firstInterim ??= started.Elapsed;
                    interims.Add(result.Text);
                }
            }
        }, cancellationToken);
        for (var offset = 0; offset < audio16k.Length; offset += 320)
        {
            await stream.WriteAsync(audio16k.AsMemory(offset, Math.Min(320, audio16k.Length - offset)), cancellationToken);
        }
        completedAt = started.Elapsed;
        await stream.CompleteAsync(cancellationToken);
        await reader;
        return new RecognitionOutcome(final, interims, firstInterim, started.Elapsed - completedAt);
    }
}
