using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class EndpointerTests
{
    /// <summary>Feeds speech/silence as (isSpeech, milliseconds) runs and returns each non-None event with its frame index.</summary>
    private static List<(int Frame, EndpointEvent Event)> Run(Endpointer endpointer, params (bool Speech, int Ms)[] runs)
    {
        var events = new List<(int, EndpointEvent)>();
        var frame = 0;
        foreach (var (speech, ms) in runs)
        {
            for (var i = 0; i < ms / 20; i++, frame++)
            {
                var e = endpointer.OnFrame(speech);
                if (e != EndpointEvent.None)
                {
                    events.Add((frame, e));
                }
            }
        }
        return events;
    }

    [Fact]
    public void Turn_ends_after_500_ms_of_silence_by_default()
    {
        var events = Run(new Endpointer(new EndpointingOptions(), "ru-RU"), (true, 1000), (false, 1000));
        Assert.Equal([(0, EndpointEvent.SpeechStarted), (9, EndpointEvent.TurnConfirmed), (74, EndpointEvent.TurnEndedBySilence)], events);
        // frame 50 is the first silent frame; the 25th silent frame (index 74) completes 500 ms.
    }

    [Fact]
    public void Short_pauses_inside_a_turn_do_not_end_it()
    {
        var events = Run(new Endpointer(new EndpointingOptions(), "en-US"), (true, 600), (false, 400), (true, 600), (false, 600));
        Assert.Single(events, e => e.Event == EndpointEvent.TurnEndedBySilence);
        Assert.Equal(79 + 25, events.Single(e => e.Event == EndpointEvent.TurnEndedBySilence).Frame);
    }

    [Fact]
    public void A_click_shorter_than_the_minimum_speech_is_discarded()
    {
        var events = Run(new Endpointer(new EndpointingOptions(), "ru-RU"), (true, 100), (false, 1000));
        Assert.Equal([(0, EndpointEvent.SpeechStarted), (29, EndpointEvent.SpeechDiscarded)], events);
    }

    [Fact]
    public void A_turn_is_cut_at_its_maximum_length()
    {
        var options = new EndpointingOptions { MaxTurnMs = 2000 };
        var events = Run(new Endpointer(options, "ru-RU"), (true, 5000));
        Assert.Contains((99, EndpointEvent.TurnEndedByMaxLength), events);
    }

    [Fact]
    public void Per_language_silence_setting_is_honoured()
    {
        var options = new EndpointingOptions { SilenceMs = 800 };
        var events = Run(new Endpointer(options, "en-US"), (true, 400), (false, 1000));
        Assert.Equal(20 + 39, events.Single(e => e.Event == EndpointEvent.TurnEndedBySilence).Frame);
    }

    private sealed class WaitLonger(TimeSpan extra) : IEndOfTurnModel
    {
        public List<EndOfTurnContext> Asked { get; } = [];

        public TimeSpan AdditionalWait(in EndOfTurnContext context)
        {
            Asked.Add(context);
            return extra;
        }
    }

    [Fact]
    public void End_of_turn_model_extends_the_wait()
    {
        var model = new WaitLonger(TimeSpan.FromMilliseconds(700));
        var endpointer = new Endpointer(new EndpointingOptions(), "ru-RU", model) { PartialTranscript = "я хотел бы" };
        var events = Run(endpointer, (true, 400), (false, 2000));
        Assert.Equal(20 + 47, events.Single(e => e.Event == EndpointEvent.TurnEndedBySilence).Frame); // asked at 260 ms, + 700 ms
        var asked = Assert.Single(model.Asked);
        Assert.Equal("ru-RU", asked.Language);
        Assert.Equal("я хотел бы", asked.PartialTranscript);
        Assert.Equal(TimeSpan.FromMilliseconds(260), asked.Silence); // ModelCheckSilenceMs 250, in whole 20 ms frames
        Assert.Equal(TimeSpan.FromMilliseconds(500), asked.SilenceRule);
    }

    private static readonly TranscriptEndOfTurnScorer Scorer = new(new EndOfTurnScorerOptions());

    private static int SilenceAtEnd(Endpointer endpointer, Func<int, string?>? transcriptAtSilenceMs = null)
    {
        Run(endpointer, (true, 400));
        for (var frame = 1; frame <= 200; frame++)
        {
            if (transcriptAtSilenceMs?.Invoke(frame * 20) is { } transcript)
            {
                endpointer.PartialTranscript = transcript;
            }
            if (endpointer.OnFrame(false) == EndpointEvent.TurnEndedBySilence)
            {
                return frame * 20;
            }
        }
        return -1;
    }

    [Fact]
    public void With_the_scorer_a_complete_question_ends_the_turn_after_260_ms_instead_of_500()
    {
        var endpointer = new Endpointer(new EndpointingOptions(), "en-US", Scorer) { PartialTranscript = "what are your opening hours" };

        Assert.Equal(260, SilenceAtEnd(endpointer));
    }

    [Fact]
    public void With_the_scorer_but_no_words_yet_the_plain_500_ms_silence_rule_still_applies()
    {
        Assert.Equal(500, SilenceAtEnd(new Endpointer(new EndpointingOptions(), "en-US", Scorer)));
        Assert.Equal(800, SilenceAtEnd(new Endpointer(new EndpointingOptions { SilenceMs = 800 }, "en-US", Scorer)));
    }

    [Fact]
    public void A_newer_interim_arriving_during_the_pause_is_judged_again()
    {
        // "I would like to" asks for 2 s; the interim that completes the question at 600 ms of silence ends the turn there.
        var endpointer = new Endpointer(new EndpointingOptions(), "en-US", Scorer) { PartialTranscript = "I would like to" };

        Assert.Equal(600, SilenceAtEnd(endpointer, ms => ms == 600 ? "I would like to know your opening hours" : null));
    }

    [Fact]
    public void An_unfinished_sentence_waits_for_the_scorer_even_though_the_silence_rule_has_passed()
    {
        var endpointer = new Endpointer(new EndpointingOptions(), "en-US", Scorer) { PartialTranscript = "I would like to" };

        Assert.Equal(2_000, SilenceAtEnd(endpointer));
    }

    [Fact]
    public void End_of_turn_model_cannot_wait_past_the_maximum_wait()
    {
        var model = new WaitLonger(TimeSpan.FromSeconds(60));
        var events = Run(new Endpointer(new EndpointingOptions(), "ru-RU", model), (true, 400), (false, 5000));
        Assert.Equal(20 + 149, events.Single(e => e.Event == EndpointEvent.TurnEndedBySilence).Frame); // 3 s
    }

    [Fact]
    public void Trailing_silence_is_reported_at_the_end_of_the_turn()
    {
        var endpointer = new Endpointer(new EndpointingOptions(), "ru-RU");
        Run(endpointer, (true, 400), (false, 500));
        Assert.Equal(TimeSpan.FromMilliseconds(500), endpointer.TrailingSilence);
    }
}
