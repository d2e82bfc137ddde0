using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Providers;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.EndOfTurn;

/// <summary>
/// The pitch contour at a pause: a final fall (pitch down to the bottom of the turn's range, voice fading) against a
/// level or rising pitch held at a comma. Synthetic glides pin the rule; espeak-ng speech checks it on a real voice.
/// </summary>
public sealed class PauseContourTests
{
    private static PauseContour ContourOf(short[] speech)
    {
        var tracker = new PauseContourTracker();
        tracker.TurnStarted();
        foreach (var frame in SyntheticAudio.Frames(speech))
        {
            tracker.OnFrame(frame, isSpeech: true);
        }
        return tracker.Judge();
    }

    [Fact]
    public void Pitch_falling_to_the_bottom_of_the_range_as_the_voice_fades_is_a_final_fall() =>
        Assert.Equal(PauseContour.Final, ContourOf(SyntheticAudio.Concat(
            GlidingVoice.Glide(120, 150, 400), GlidingVoice.Glide(150, 120, 400), GlidingVoice.Glide(125, 85, 400, fadeDb: 10))));

    [Fact]
    public void Pitch_rising_into_the_pause_holds_the_turn() =>
        Assert.Equal(PauseContour.Continuing, ContourOf(SyntheticAudio.Concat(
            GlidingVoice.Glide(120, 150, 400), GlidingVoice.Glide(150, 110, 400), GlidingVoice.Glide(110, 150, 400))));

    [Fact]
    public void A_fall_at_full_voice_is_not_taken_for_the_end()
    {
        // Falling to the bottom without fading: a list or a stressed word mid-sentence can do that.
        var contour = ContourOf(SyntheticAudio.Concat(GlidingVoice.Glide(120, 150, 400), GlidingVoice.Glide(150, 120, 400), GlidingVoice.Glide(125, 85, 400)));

        Assert.NotEqual(PauseContour.Final, contour);
    }

    [Fact]
    public void Too_little_voiced_speech_gives_no_contour() =>
        Assert.Equal(PauseContour.Unknown, ContourOf(GlidingVoice.Glide(130, 90, 160, fadeDb: 10)));

    [Fact]
    public void Unvoiced_frames_do_not_count_towards_the_contour()
    {
        var tracker = new PauseContourTracker();
        tracker.TurnStarted();
        foreach (var frame in SyntheticAudio.Frames(GlidingVoice.Glide(130, 90, 1000, fadeDb: 10)))
        {
            tracker.OnFrame(frame, isSpeech: false); // the voice activity detector called it silence
        }

        Assert.Equal(PauseContour.Unknown, tracker.Judge());
    }

    [SkippableTheory]
    [InlineData("I am calling because my order is late.", PauseContour.Final)]
    [InlineData("Tell me please when you close.", PauseContour.Final)]
    [InlineData("I am calling because,", PauseContour.Continuing)]
    [InlineData("Can you tell me,", PauseContour.Continuing)]
    public async Task Espeak_ng_ends_a_statement_with_a_final_fall_and_a_comma_with_a_rise(string text, PauseContour expected)
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        var speech = await OfflineProvidersTests.SpeakAsync(new EspeakTextToSpeech(new EspeakOptions()), text, "en-US").DefaultTimeout();
        // espeak-ng pads its output with silence; the pause begins after the last loud sample.
        var lastLoud = Array.FindLastIndex(speech, s => Math.Abs((int)s) > 300);

        Assert.Equal(expected, ContourOf(speech[..(lastLoud + 1)]));
    }

    /// <summary>Runs speech then silence through an endpointer on a Russian call (no recogniser hears the language, so
    /// no words) with the built-in scorer; returns the silence at which the turn ended, in ms.</summary>
    private static int SilenceAtTheEndOfTurn(short[] speech, EndpointingOptions options, bool finalFallAlone = true)
    {
        var scorer = new TranscriptEndOfTurnScorer(new EndOfTurnScorerOptions { FinalContourWithoutWords = finalFallAlone });
        var endpointer = new Endpointer(options, "ru-RU", scorer, wordsHeard: false);
        var frames = SyntheticAudio.Frames(SyntheticAudio.Concat(speech, SyntheticAudio.Silence(3_000))).ToList();
        var speechFrames = speech.Length / 320;
        for (var i = 0; i < frames.Count; i++)
        {
            if (endpointer.OnFrame(i < speechFrames) == EndpointEvent.TurnEndedBySilence)
            {
                return (i + 1 - speechFrames) * 20;
            }
            endpointer.OnAudio(frames[i]);
        }
        return -1;
    }

    private static readonly short[] StatementEnd = SyntheticAudio.Concat(
        GlidingVoice.Glide(120, 150, 400), GlidingVoice.Glide(150, 120, 400), GlidingVoice.Glide(125, 85, 400, fadeDb: 10));

    private static readonly short[] CommaRise = SyntheticAudio.Concat(
        GlidingVoice.Glide(120, 150, 400), GlidingVoice.Glide(150, 110, 400), GlidingVoice.Glide(110, 150, 400));

    [Fact]
    public void Without_words_a_final_fall_ends_the_turn_at_the_final_contour_wait_and_a_rise_waits_as_silence_alone_does()
    {
        Assert.Equal(EndOfTurnScorerOptions.DefaultFinalContourSilenceMs, SilenceAtTheEndOfTurn(StatementEnd, new EndpointingOptions()));
        Assert.Equal(EndpointingOptions.DefaultSilenceWithoutWordsMs, SilenceAtTheEndOfTurn(CommaRise, new EndpointingOptions()));
    }

    [Fact]
    public void By_default_a_final_fall_alone_does_not_end_a_turn_nobody_hears_the_words_of() =>
        Assert.Equal(EndpointingOptions.DefaultSilenceWithoutWordsMs, SilenceAtTheEndOfTurn(StatementEnd, new EndpointingOptions(), finalFallAlone: false));

    [Fact]
    public void With_the_contour_turned_off_a_final_fall_waits_as_silence_alone_does() =>
        Assert.Equal(EndpointingOptions.DefaultSilenceWithoutWordsMs, SilenceAtTheEndOfTurn(StatementEnd, new EndpointingOptions { UsePauseContour = false }));
}
