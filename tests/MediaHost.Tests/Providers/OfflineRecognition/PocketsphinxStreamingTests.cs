using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

/// <summary>The long-lived pocketsphinx decoder (libpocketsphinx in-process) against real speech (espeak-ng) through the project's codecs.</summary>
public sealed class PocketsphinxStreamingTests
{
    private static readonly DialogScript Script = DialogScriptLoader.LoadDefault();
    private static readonly SyntheticVoice Caller = new("en-us", 150);

    [SkippableFact]
    public async Task The_demo_question_over_PCMU_is_understood_as_opening_hours()
    {
        using var stt = CreateRecogniser();
        var speech = await OfflineRecognition.SpeakAsync("What are your opening hours?", Caller);

        var outcome = await OfflineRecognition.RecogniseAsync(stt, TelephoneChannel.Transmit(speech, PhoneCodec.Pcmu));

        Assert.Equal("hours", new ScriptedLanguageModel(Script).Match(outcome.Final, "en")?.Name);
    }

    [SkippableFact]
    public async Task Interim_hypotheses_are_published_while_the_caller_speaks()
    {
        using var stt = CreateRecogniser();
        var speech = await OfflineRecognition.SpeakAsync("Can I talk to a human?", Caller);

        var outcome = await OfflineRecognition.RecogniseAsync(stt, TelephoneChannel.Transmit(speech, PhoneCodec.G722), lineRate: TelephoneChannel.LineRate(PhoneCodec.G722));

        Assert.NotEmpty(outcome.Interims);
        Assert.NotEqual("", outcome.Final);
    }

    [SkippableFact]
    public async Task A_stream_beyond_the_pool_waits_briefly_then_fails_saying_the_decoders_are_busy()
    {
        using var stt = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 1, PoolWaitMs = 50 });
        await using var first = await stt.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ProviderException>(() => stt.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None).AsTask());

        Assert.Contains("busy", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
    }

    [SkippableFact]
    public async Task A_disposed_stream_returns_its_decoder_so_the_next_utterance_reuses_the_loaded_model()
    {
        using var stt = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 1 });
        var speech = TelephoneChannel.Transmit(await OfflineRecognition.SpeakAsync("Goodbye.", Caller), PhoneCodec.Pcmu);

        var first = await OfflineRecognition.RecogniseAsync(stt, speech);
        var second = await OfflineRecognition.RecogniseAsync(stt, speech);

        Assert.Equal(1, stt.DecodersLoaded);
        Assert.Equal(0, stt.DecodersBusy);
        Assert.Equal(first.Final, second.Final);
    }

    [SkippableFact]
    public async Task A_caller_who_starts_while_every_decoder_is_busy_gets_the_one_freed_by_the_next_turn_end()
    {
        using var stt = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 1, PoolWaitMs = 10_000 });
        var first = await stt.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None);
        var second = stt.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);

        await first.DisposeAsync(); // the first caller's turn ended

        await using var stream = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, stt.DecodersLoaded);
        Assert.Equal(1, stt.DecodersBusy);
    }

    [SkippableFact]
    public async Task Taking_the_last_idle_decoder_loads_the_next_one_for_the_next_caller()
    {
        using var stt = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 3 });
        stt.Warm(1);

        await using var first = await stt.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None);

        // The spare loads on its own thread; wait for that state, not for a time (bounded only against a hang).
        var waited = TimeSpan.Zero;
        while (stt.DecodersLoaded < 2 && waited < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
            waited += TimeSpan.FromMilliseconds(20);
        }
        Assert.Equal(2, stt.DecodersLoaded);
        Assert.Equal(1, stt.DecodersBusy);
    }

    [SkippableFact]
    public async Task Callers_starting_at_once_beyond_the_loaded_decoders_each_get_one_and_the_bound_holds()
    {
        using var stt = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 3, PoolWaitMs = 30_000 });

        var streams = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => stt.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None).AsTask()));

        Assert.Equal(3, stt.DecodersBusy);
        Assert.Equal(3, stt.DecodersLoaded); // no spare beyond MaxDecoders
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
        Assert.Equal(0, stt.DecodersBusy);
    }

    [SkippableFact]
    public async Task Narrowband_frames_at_8_kHz_are_accepted_and_other_rates_are_refused()
    {
        using var stt = CreateRecogniser();
        await using var narrow = await stt.StartAsync(new RecognitionRequest("en-US", 8_000, []), CancellationToken.None);
        await narrow.WriteAsync(new short[160], CancellationToken.None);

        var error = await Assert.ThrowsAsync<ProviderException>(() => stt.StartAsync(new RecognitionRequest("en-US", 44_100, []), CancellationToken.None).AsTask());

        Assert.Contains("44100", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Audio_written_after_the_stream_was_completed_is_refused()
    {
        using var stt = CreateRecogniser();
        await using var stream = await stt.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None);
        await stream.CompleteAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ProviderException>(() => stream.WriteAsync(new short[320], CancellationToken.None).AsTask());
    }

    [SkippableFact]
    public void A_missing_model_fails_at_start_with_the_reason()
    {
        using var stt = CreateRecogniser(new PocketsphinxStreamingOptions { ModelDirectory = "/nonexistent/en-us" });

        var error = Assert.Throws<ProviderException>(() => stt.Warm());

        Assert.Contains("model", error.Message, StringComparison.Ordinal);
    }

    // "Nine." and "seven" are not in these tests: phone-band audio loses their nasals and /s/, and the en-us model
    // hears "i" and "human" (bench/results/recognition.md, spoken keys). Spoken keys are short and weakly heard: over the
    // set's five voices, each saying the three keys in one call over PCMU, 9 of 15 choose their intent ("One." is heard
    // as "when" in two voices, "Zero." as "do you" or "real"); keypad digits are the dependable way (DTMF).
    [SkippableFact]
    public async Task Menu_keys_said_aloud_over_PCMU_choose_their_intents_for_more_than_half_of_the_callers_keys()
    {
        using var stt = CreateRecogniser();
        var model = new ScriptedLanguageModel(Script);
        var keys = new[] { ("One.", "hours"), ("Two.", "prices"), ("Zero.", "operator") };
        var chosen = new List<string>();

        foreach (var voice in PhrasingSet.Voices)
        {
            var caller = new RecognitionSpeaker();
            foreach (var (said, intent) in keys)
            {
                var speech = await OfflineRecognition.SpeakAsync(said, voice);
                var outcome = await OfflineRecognition.RecogniseAsync(stt, TelephoneChannel.Transmit(speech, PhoneCodec.Pcmu), speaker: caller);
                if (model.Match(outcome.Final, "en")?.Name == intent)
                {
                    chosen.Add($"{voice} {said}");
                }
            }
        }

        Assert.True(chosen.Count > keys.Length * PhrasingSet.Voices.Count / 2, $"keys that chose their intent: {chosen.Count} ({string.Join(", ", chosen)})");
    }

    [SkippableFact]
    public async Task A_number_said_digit_by_digit_over_PCMU_is_heard_as_those_digits()
    {
        using var stt = CreateRecogniser();
        var speech = await OfflineRecognition.SpeakAsync("one two three", Caller);

        var outcome = await OfflineRecognition.RecogniseAsync(stt, TelephoneChannel.Transmit(speech, PhoneCodec.Pcmu));

        Assert.True(SpokenDigits.Read(outcome.Final, "en") == "123", $"heard \"{outcome.Final}\"");
    }

    [SkippableFact]
    public async Task Wording_the_grammar_lacks_is_decoded_again_with_the_dialog_language_model()
    {
        using var stt = CreateRecogniser();
        var speech = await OfflineRecognition.SpeakAsync("Tell me your opening hours please.", Caller);

        var outcome = await OfflineRecognition.RecogniseAsync(stt, TelephoneChannel.Transmit(speech, PhoneCodec.G722), lineRate: TelephoneChannel.LineRate(PhoneCodec.G722));

        Assert.Equal("hours", new ScriptedLanguageModel(Script).Match(outcome.Final, "en")?.Name);
    }

    // A pooled decoder serves one caller after another. Its front-end's noise estimate and running cepstral mean used to
    // carry over from whoever it heard last: the same question was heard as "how much good" fresh and "cost" after a
    // quiet caller on another codec, and a benchmark's PCMU score moved from 78 % to 67 % with how G.722 audio was fed.
    [SkippableFact]
    public async Task A_callers_final_does_not_depend_on_who_the_pooled_decoder_heard_before()
    {
        using var stt = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 1 });
        var question = await SpeakAsync("How much does it cost?", Caller, PhoneCodec.Pcmu);
        var quietCaller = await QuietOtherCallerAsync();

        var fresh = await FinalAndInterimsAsync(stt, question);
        await OfflineRecognition.RecogniseAsync(stt, quietCaller);
        await OfflineRecognition.RecogniseAsync(stt, quietCaller);
        var afterAnotherCaller = await FinalAndInterimsAsync(stt, question);

        Assert.NotEqual("", fresh.Final);
        Assert.Equal(fresh, afterAnotherCaller);
    }

    // The caller's own earlier utterances still teach the decoder their line (the running mean continues per caller),
    // whichever pooled decoder takes the next one.
    [SkippableFact]
    public async Task A_callers_second_utterance_is_heard_the_same_whether_or_not_another_caller_used_the_decoder_between()
    {
        using var stt = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 1 });
        var first = await SpeakAsync("What are your opening hours?", Caller, PhoneCodec.Pcmu);
        var second = await SpeakAsync("How much does it cost?", Caller, PhoneCodec.Pcmu);
        var quietCaller = await QuietOtherCallerAsync();

        var alone = new RecognitionSpeaker();
        await OfflineRecognition.RecogniseAsync(stt, first, speaker: alone);
        var heardAlone = await OfflineRecognition.RecogniseAsync(stt, second, speaker: alone);
        var interrupted = new RecognitionSpeaker();
        await OfflineRecognition.RecogniseAsync(stt, first, speaker: interrupted);
        await OfflineRecognition.RecogniseAsync(stt, quietCaller, speaker: new RecognitionSpeaker());
        var heardAfterAnotherCaller = await OfflineRecognition.RecogniseAsync(stt, second, speaker: interrupted);

        Assert.NotEqual("", heardAlone.Final);
        Assert.Equal(heardAlone.Final, heardAfterAnotherCaller.Final);
        Assert.Equal(heardAlone.Interims, heardAfterAnotherCaller.Interims);
    }

    // The running mean is reached through the packaged library's structures (DecoderCepstralMean): read through them, a
    // new decoder's mean must be exactly the model's initial mean (feat.params -cmninit), or the layout is not the one
    // it was built for; a new caller then starts from the phone-line mean instead.
    [SkippableFact]
    public void The_decoder_reads_the_models_initial_cepstral_mean_and_starts_new_callers_from_the_phone_line_mean()
    {
        using var stt = CreateRecogniser();
        using var decoder = stt.CreateDecoder();
        Assert.Equal(ModelMean(), decoder.ModelCepstralMean?.Mean);
        Assert.Equal(0, decoder.ModelCepstralMean?.Frames);
        Assert.Equal(PocketsphinxStreamingOptions.PhoneLineCepstralMean, decoder.FreshCepstralMean()?.Mean);
    }

    // Decoding the whole utterance again as one block normalises it with its own mean, so the mean the utterance started
    // from does not matter: the library had turned the decoder to the running mean for good after the first streamed
    // block, and "-cmn batch" alone did nothing (the final then followed the initial mean: "" with the model's, "cost"
    // with the phone line's).
    [SkippableFact]
    public async Task The_whole_utterance_final_is_normalised_with_the_utterances_own_mean_whatever_mean_it_started_from()
    {
        using var phoneLineStart = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 1, WholeUtteranceFinal = true });
        using var modelStart = CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 1, WholeUtteranceFinal = true, InitialCepstralMean = ModelMean() });
        var question = await SpeakAsync("How much does it cost?", Caller, PhoneCodec.Pcmu);

        var heardFromPhoneLineMean = (await OfflineRecognition.RecogniseAsync(phoneLineStart, question)).Final;
        var heardFromModelMean = (await OfflineRecognition.RecogniseAsync(modelStart, question)).Final;

        Assert.NotEqual("", heardFromPhoneLineMean);
        Assert.Equal(heardFromPhoneLineMean, heardFromModelMean);
    }

    private static float[] ModelMean() => File.ReadAllLines(Path.Combine(PocketsphinxStreamingOptions.DefaultModelDirectory, "feat.params"))
        .Single(line => line.StartsWith("-cmninit ", StringComparison.Ordinal))["-cmninit ".Length..]
        .Split(',').Select(value => float.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static async Task<short[]> SpeakAsync(string text, SyntheticVoice voice, PhoneCodec codec) =>
        TelephoneChannel.Transmit(await OfflineRecognition.SpeakAsync(text, voice), codec);

    // Another voice on another codec, 24 dB quieter: a line as unlike the caller's as a pool will meet.
    private static async Task<short[]> QuietOtherCallerAsync()
    {
        var audio = await SpeakAsync("Please connect me to someone.", new SyntheticVoice("en-gb-scotland", 140), PhoneCodec.G722);
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] /= 16;
        }
        return audio;
    }

    private static async Task<(string Final, string Interims)> FinalAndInterimsAsync(IStreamingSpeechToText stt, short[] audio)
    {
        var outcome = await OfflineRecognition.RecogniseAsync(stt, audio);
        return (outcome.Final, string.Join(" | ", outcome.Interims));
    }

    internal static PocketsphinxStreamingSpeechToText CreateRecogniser(PocketsphinxStreamingOptions? options = null)
    {
        if (!File.Exists(Path.Combine(PocketsphinxStreamingOptions.DefaultModelDirectory, "mdef")) || !File.Exists("/usr/lib/x86_64-linux-gnu/libpocketsphinx.so.3"))
        {
            RequiredTool.Missing("libpocketsphinx3 and pocketsphinx-en-us are not installed (scripts/install-test-deps.sh installs them)");
        }
        return new PocketsphinxStreamingSpeechToText(options ?? new PocketsphinxStreamingOptions { MaxDecoders = 2 }, Script, NullLogger<PocketsphinxStreamingSpeechToText>.Instance);
    }
}
