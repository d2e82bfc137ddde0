using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent.EndOfTurn;

/// <summary>
/// The end-of-turn decision reads a partial transcript only once the recogniser has heard the pause: under load the
/// offline decoder runs behind the audio, and a partial that has not reached the pause may lack the words that show
/// the sentence goes on. Media time only (frames of 20 ms), so the outcome does not depend on the machine.
/// </summary>
public sealed class PauseJudgedFromAHeardPartialTests
{
    private static readonly TranscriptEndOfTurnScorer Scorer = new(new EndOfTurnScorerOptions());

    /// <summary>400 ms of speech, then silence; <paramref name="partialAt"/> gives the partial and how far it lags the
    /// audio at each silence time (ms). Returns the silence at which the turn ended, or -1 within 5 s.</summary>
    private static int SilenceAtEnd(Endpointer endpointer, Func<int, (string? Words, TimeSpan? Lag)> partialAt)
    {
        for (var i = 0; i < 20; i++)
        {
            endpointer.OnFrame(true);
        }
        for (var frame = 1; frame <= 250; frame++)
        {
            var (words, lag) = partialAt(frame * 20);
            endpointer.PartialLag = lag;
            endpointer.PartialTranscript = words;
            if (endpointer.OnFrame(false) == EndpointEvent.TurnEndedBySilence)
            {
                return frame * 20;
            }
        }
        return -1;
    }

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    /// <summary>A decoder 1 s behind: it has heard none of the pause, whatever its words so far say.</summary>
    private static (string?, TimeSpan?) Behind(string words, int silenceMs) => (words, Ms(1_000 + silenceMs));

    [Fact]
    public void A_complete_partial_that_has_heard_the_pause_ends_the_turn_after_the_short_wait()
    {
        // A decoder keeping up: 60 ms of audio queued ahead of it.
        var end = SilenceAtEnd(new Endpointer(new EndpointingOptions(), "en-US", Scorer), _ => ("what are your opening hours", Ms(60)));

        Assert.Equal(260, end);
    }

    [Fact]
    public void A_complete_looking_partial_that_has_not_heard_the_pause_does_not_end_the_turn()
    {
        // "what time do you open" said with a pause after "you", the decoder far behind: the stale words must not end
        // the turn at the short wait, nor at the plain 500 ms rule; with no catching up only the maximum wait ends it.
        var end = SilenceAtEnd(new Endpointer(new EndpointingOptions(), "en-US", Scorer), ms => Behind("when do you open", ms));

        Assert.Equal(EndpointingOptions.DefaultMaxWaitMs, end);
    }

    [Fact]
    public void A_stale_partial_is_judged_once_the_recogniser_catches_up_with_the_pause()
    {
        // Behind until 700 ms of silence, then current and complete: the turn ends there, not at 260 or 500 ms.
        var end = SilenceAtEnd(new Endpointer(new EndpointingOptions(), "en-US", Scorer),
            ms => ms < 700 ? Behind("what are your opening", ms) : ("what are your opening hours", Ms(80)));

        Assert.Equal(700, end);
    }

    [Fact]
    public void A_caught_up_partial_that_shows_the_sentence_goes_on_keeps_waiting()
    {
        // The stale words looked whole ("what time"), the current ones ("what time do you") do not: wait the unfinished 2 s.
        var end = SilenceAtEnd(new Endpointer(new EndpointingOptions(), "en-US", Scorer),
            ms => ms < 600 ? Behind("what time", ms) : ("what time do you", Ms(100)));

        Assert.Equal(EndOfTurnScorerOptions.DefaultUnfinishedSilenceMs, end);
    }

    [Fact]
    public void Once_the_partial_has_heard_the_pause_a_decoder_falling_behind_on_the_silence_does_not_hold_the_turn()
    {
        // Current at 300 ms with neutral words (the 500 ms rule), then the decoder stalls on the silence.
        var end = SilenceAtEnd(new Endpointer(new EndpointingOptions(), "en-US", Scorer),
            ms => ms < 300 ? Behind("thank you very much for the", ms) : ("i called yesterday", Ms(ms <= 300 ? 100 : ms - 200)));

        Assert.Equal(500, end);
    }

    [Fact]
    public void A_recogniser_that_does_not_say_how_far_it_has_heard_is_trusted_as_before()
    {
        var end = SilenceAtEnd(new Endpointer(new EndpointingOptions(), "en-US", Scorer), _ => ("what are your opening hours", null));

        Assert.Equal(260, end);
    }

    [Fact]
    public void Without_a_recogniser_for_the_language_its_guesses_are_ignored_and_silence_alone_ends_the_turn()
    {
        // The English decoder on a Russian call: its "complete" guess is not read; 1.3 s of silence ends the turn.
        var endpointer = new Endpointer(new EndpointingOptions(), "ru-RU", Scorer, wordsHeard: false);

        Assert.Equal(EndpointingOptions.DefaultSilenceWithoutWordsMs, SilenceAtEnd(endpointer, _ => ("what are your opening hours", Ms(0))));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(800)]
    [InlineData(1_200)]
    public void Without_a_recogniser_for_the_language_a_thinking_pause_of_up_to_1_2_s_does_not_end_the_turn(int pauseMs)
    {
        var endpointer = new Endpointer(new EndpointingOptions(), "ru-RU", Scorer, wordsHeard: false);
        var events = new List<EndpointEvent>();
        foreach (var (speech, ms) in new[] { (true, 600), (false, pauseMs), (true, 600) })
        {
            for (var i = 0; i < ms / 20; i++)
            {
                events.Add(endpointer.OnFrame(speech));
            }
        }

        Assert.DoesNotContain(EndpointEvent.TurnEndedBySilence, events);
    }
}
