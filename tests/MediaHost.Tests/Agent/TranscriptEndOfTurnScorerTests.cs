using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class TranscriptEndOfTurnScorerTests
{
    private static readonly TranscriptEndOfTurnScorer Scorer = new(new EndOfTurnScorerOptions());

    /// <summary>The letters rule is off by default (bench/results/conversation-load.md, session 8); these tests turn it on.</summary>
    private static readonly TranscriptEndOfTurnScorer WithLettersRule = new(new EndOfTurnScorerOptions { MinLettersPerSecond = 4 });

    [Theory]
    [InlineData("en-US", "what are your opening hours")]
    [InlineData("en-US", "How much does a consultation cost?")]
    [InlineData("en-US", "yes")]
    [InlineData("en-US", "thank you")]
    [InlineData("en-US", "I'd like to book a table.")]
    [InlineData("ru-RU", "сколько стоит консультация")]
    [InlineData("ru-RU", "когда вы открываетесь?")]
    [InlineData("ru-RU", "да")]
    [InlineData("ru-RU", "Спасибо, до свидания")]
    public void A_complete_question_or_answer_is_complete(string language, string transcript) =>
        Assert.Equal(TurnCompleteness.Complete, TranscriptEndOfTurnScorer.Judge(transcript, language));

    [Theory]
    [InlineData("en-US", "I would like to")]
    [InlineData("en-US", "I want to know about the prices and")]
    [InlineData("en-US", "can you tell me the")]
    [InlineData("en-US", "so um")]
    [InlineData("en-US", "my booking is for")]
    [InlineData("ru-RU", "я хотел бы узнать о")]
    [InlineData("ru-RU", "мне нужна консультация и")]
    [InlineData("ru-RU", "ну э-э")]
    [InlineData("ru-RU", "запишите меня на")]
    public void A_trailing_conjunction_preposition_or_filler_is_unfinished(string language, string transcript) =>
        Assert.Equal(TurnCompleteness.Unfinished, TranscriptEndOfTurnScorer.Judge(transcript, language));

    [Theory]
    [InlineData("en-US", "what time do you")]
    [InlineData("en-US", "can you tell me")]
    [InlineData("en-US", "tell me please")]
    [InlineData("en-US", "I would like to know")]
    [InlineData("en-US", "I want to speak")]
    [InlineData("ru-RU", "скажите пожалуйста")]
    [InlineData("ru-RU", "подскажите")]
    [InlineData("ru-RU", "я хотел бы узнать")]
    [InlineData("ru-RU", "соедините меня")]
    public void A_verb_still_waiting_for_its_object_or_a_question_without_its_verb_is_unfinished(string language, string transcript) =>
        Assert.Equal(TurnCompleteness.Unfinished, TranscriptEndOfTurnScorer.Judge(transcript, language));

    [Theory]
    [InlineData("en-US", "what time do you open tomorrow")]
    [InlineData("en-US", "how are you")]
    [InlineData("en-US", "can you help me")]
    [InlineData("en-US", "yes please")]
    [InlineData("en-US", "Do you know?")]
    [InlineData("en-US", "can you tell me the price")]
    [InlineData("ru-RU", "сколько стоит консультация пожалуйста")]
    public void A_sentence_whose_verb_has_its_object_stays_complete(string language, string transcript) =>
        Assert.Equal(TurnCompleteness.Complete, TranscriptEndOfTurnScorer.Judge(transcript, language));

    [Fact]
    public void A_partial_with_far_fewer_letters_than_the_speech_could_hold_waits_as_if_no_words_were_heard()
    {
        // One short word for 1.2 s of voiced speech: the grammar search forced the sentence into a word.
        var context = new EndOfTurnContext("en-US", TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(260), "how", TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1.2));

        Assert.Equal(TimeSpan.FromMilliseconds(EndOfTurnScorerOptions.DefaultTooFewLettersSilenceMs - 260), WithLettersRule.AdditionalWait(context));
    }

    [Fact]
    public void An_empty_partial_after_speech_the_recogniser_has_heard_waits_as_if_no_words_were_heard()
    {
        var context = new EndOfTurnContext("en-US", TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(260), "", TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1.0));

        Assert.Equal(TimeSpan.FromMilliseconds(EndOfTurnScorerOptions.DefaultTooFewLettersSilenceMs - 260), WithLettersRule.AdditionalWait(context));
    }

    [Fact]
    public void A_short_answer_said_quickly_still_ends_the_turn_after_the_short_wait()
    {
        var context = new EndOfTurnContext("en-US", TimeSpan.FromSeconds(0.7), TimeSpan.FromMilliseconds(260), "yes", TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(0.4));

        Assert.Equal(TimeSpan.Zero, WithLettersRule.AdditionalWait(context));
    }

    [Theory]
    [InlineData("en-US", "my number is five five five")]
    [InlineData("en-US", "the code is 4821")]
    [InlineData("ru-RU", "мой номер девять один шесть")]
    [InlineData("ru-RU", "код двадцать пять")]
    public void A_number_at_the_end_is_dictation(string language, string transcript) =>
        Assert.Equal(TurnCompleteness.Dictating, TranscriptEndOfTurnScorer.Judge(transcript, language));

    [Theory]
    [InlineData("en-US", null)]
    [InlineData("en-US", "  ")]
    [InlineData("de-DE", "wann haben Sie geöffnet")]
    public void No_words_or_an_unknown_language_leave_it_to_silence(string language, string? transcript) =>
        Assert.Equal(TurnCompleteness.Unknown, TranscriptEndOfTurnScorer.Judge(transcript, language));

    [Fact]
    public void With_no_words_to_judge_the_scorer_waits_for_the_plain_silence_rule()
    {
        var wait = Scorer.AdditionalWait(new EndOfTurnContext("en-US", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(260), null, TimeSpan.FromMilliseconds(500)));

        Assert.Equal(TimeSpan.FromMilliseconds(240), wait);
    }

    [Fact]
    public void After_a_complete_question_the_turn_ends_at_250_ms_of_silence_in_total()
    {
        var wait = Scorer.AdditionalWait(new EndOfTurnContext("en-US", TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(200), "when do you open"));

        Assert.Equal(TimeSpan.FromMilliseconds(50), wait);
    }

    [Fact]
    public void A_complete_question_asked_after_the_short_wait_has_passed_ends_now()
    {
        var wait = Scorer.AdditionalWait(new EndOfTurnContext("ru-RU", TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(500), "сколько это стоит?"));

        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void An_unfinished_sentence_waits_until_two_seconds_of_silence()
    {
        var wait = Scorer.AdditionalWait(new EndOfTurnContext("ru-RU", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), "я хотел спросить про"));

        Assert.Equal(TimeSpan.FromMilliseconds(1_500), wait);
    }

    [Fact]
    public void A_pause_inside_a_sentence_does_not_end_the_turn_but_the_maximum_wait_still_does()
    {
        // The endpointer asks at its 200 ms silence rule; the scorer asks for more; MaxWaitMs (1 s here) caps it.
        var endpointer = new Endpointer(new EndpointingOptions { SilenceMs = 200, MaxWaitMs = 1_000 }, "en-US", Scorer);
        for (var i = 0; i < 25; i++)
        {
            endpointer.OnFrame(true);
        }
        endpointer.PartialTranscript = "I would like to";
        var endedAt = -1;
        for (var frame = 0; frame < 100 && endedAt < 0; frame++)
        {
            if (endpointer.OnFrame(false) == EndpointEvent.TurnEndedBySilence)
            {
                endedAt = (frame + 1) * 20;
            }
        }

        Assert.Equal(1_000, endedAt);
    }

    [Fact]
    public void Judging_a_transcript_allocates_nothing()
    {
        TranscriptEndOfTurnScorer.Judge("what are your opening hours", "en-US");
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            TranscriptEndOfTurnScorer.Judge("я хотел бы узнать о", "ru-RU");
            TranscriptEndOfTurnScorer.Judge("my number is five five five", "en-US");
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void With_no_recogniser_for_the_language_a_final_fall_ends_the_turn_only_when_allowed()
    {
        // A Russian call: no recogniser hears the language, so silence alone waits 1.3 s.
        var context = new EndOfTurnContext("ru-RU", TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(260), null, TimeSpan.FromMilliseconds(1_300),
            TimeSpan.FromSeconds(1.2), PauseContour.Final, LanguageHeard: false);
        var allowed = new TranscriptEndOfTurnScorer(new EndOfTurnScorerOptions { FinalContourWithoutWords = true });

        Assert.Equal(TimeSpan.FromMilliseconds(1_300 - 260), Scorer.AdditionalWait(context));
        Assert.Equal(TimeSpan.FromMilliseconds(EndOfTurnScorerOptions.DefaultFinalContourSilenceMs - 260), allowed.AdditionalWait(context));
    }

    [Fact]
    public void Words_the_recogniser_missed_and_a_final_fall_end_the_turn_after_the_final_contour_wait()
    {
        var context = new EndOfTurnContext("en-US", TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(260), "how", TimeSpan.FromMilliseconds(500),
            TimeSpan.FromSeconds(1.2), PauseContour.Final);

        Assert.Equal(TimeSpan.FromMilliseconds(EndOfTurnScorerOptions.DefaultFinalContourSilenceMs - 260), WithLettersRule.AdditionalWait(context));
    }

    [Fact]
    public void Words_with_no_sign_either_way_and_a_rising_pitch_wait_as_long_as_no_words()
    {
        Assert.Equal(TurnCompleteness.Neutral, TranscriptEndOfTurnScorer.Judge("I called yesterday", "en-US"));
        var context = new EndOfTurnContext("en-US", TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(260), "I called yesterday", TimeSpan.FromMilliseconds(500),
            TimeSpan.FromSeconds(0.7), PauseContour.Continuing);

        Assert.Equal(TimeSpan.FromMilliseconds(EndOfTurnScorerOptions.DefaultContinuingContourSilenceMs - 260), Scorer.AdditionalWait(context));
    }

    [Theory]
    [InlineData("when do you open", PauseContour.Continuing, EndOfTurnScorerOptions.DefaultCompleteSilenceMs)]
    [InlineData("I would like to", PauseContour.Final, EndOfTurnScorerOptions.DefaultUnfinishedSilenceMs)]
    public void Words_that_tell_are_not_overruled_by_the_voice(string transcript, PauseContour contour, int silenceMs)
    {
        var context = new EndOfTurnContext("en-US", TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(200), transcript, TimeSpan.FromMilliseconds(500),
            TimeSpan.FromSeconds(0.8), contour);

        Assert.Equal(TimeSpan.FromMilliseconds(silenceMs - 200), Scorer.AdditionalWait(context));
    }
}
