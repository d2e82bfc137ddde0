using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent.EndOfTurn;

/// <summary>A caller who has stopped to think mid-sentence once gets longer waits for the rest of the call (media time).</summary>
public sealed class PausedCallerWaitsLongerTests
{
    /// <summary>Asks for a fixed total silence, or ends the turn at once when the words say it is complete.</summary>
    private sealed class FixedWait(int totalMs, string completeWhen = "") : IEndOfTurnModel
    {
        public TimeSpan AdditionalWait(in EndOfTurnContext context) =>
            context.PartialTranscript == completeWhen && completeWhen.Length > 0 ? TimeSpan.Zero
            : TimeSpan.FromMilliseconds(Math.Max(0, totalMs - context.Silence.TotalMilliseconds));
    }

    /// <summary>Feeds (speech, ms) runs and returns the silence, in ms, at which each turn ended by silence.</summary>
    private static List<int> EndsAt(Endpointer endpointer, params (bool Speech, int Ms)[] runs)
    {
        var ends = new List<int>();
        foreach (var (speech, ms) in runs)
        {
            for (var i = 0; i < ms / 20; i++)
            {
                if (endpointer.OnFrame(speech) == EndpointEvent.TurnEndedBySilence)
                {
                    ends.Add((int)endpointer.TrailingSilence.TotalMilliseconds);
                }
            }
        }
        return ends;
    }

    [Fact]
    public void After_the_caller_spoke_on_from_a_thinking_pause_later_pauses_wait_longer()
    {
        var endpointer = new Endpointer(new EndpointingOptions(), "en-US", new FixedWait(900));

        var ends = EndsAt(endpointer, (true, 600), (false, 500), (true, 600), (false, 2_000), (true, 600), (false, 2_000));

        Assert.Equal([900 + EndpointingOptions.DefaultPausedCallerExtraMs, 900 + EndpointingOptions.DefaultPausedCallerExtraMs], ends);
        Assert.True(endpointer.CallerPausesMidSentence);
    }

    [Fact]
    public void A_caller_whose_gaps_are_short_keeps_the_models_wait()
    {
        var endpointer = new Endpointer(new EndpointingOptions(), "en-US", new FixedWait(900));

        var ends = EndsAt(endpointer, (true, 600), (false, 300), (true, 600), (false, 2_000));

        Assert.Equal([900], ends);
        Assert.False(endpointer.CallerPausesMidSentence);
    }

    [Fact]
    public void A_complete_question_still_ends_at_the_short_wait_for_a_caller_who_paused_before()
    {
        var endpointer = new Endpointer(new EndpointingOptions(), "en-US", new FixedWait(900, completeWhen: "when do you open"));
        EndsAt(endpointer, (true, 600), (false, 500), (true, 600), (false, 2_000));
        endpointer.PartialTranscript = "when do you open";

        var ends = EndsAt(endpointer, (true, 600), (false, 1_000));

        Assert.Equal([EndpointingOptions.DefaultModelCheckSilenceMs + 10], ends); // the first check falls on a frame boundary: 13 frames
    }

    [Fact]
    public void Set_to_zero_the_wait_does_not_grow()
    {
        var endpointer = new Endpointer(new EndpointingOptions { PausedCallerExtraMs = 0 }, "en-US", new FixedWait(900));

        var ends = EndsAt(endpointer, (true, 600), (false, 500), (true, 600), (false, 2_000));

        Assert.Equal([900], ends);
    }
}
