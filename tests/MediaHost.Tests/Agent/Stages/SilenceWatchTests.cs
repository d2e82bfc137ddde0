using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent.Stages;

public sealed class SilenceWatchTests
{
    private static readonly SilenceOptions TwoAndFive = new() { RepromptAfterSeconds = 2, HangUpAfterSeconds = 5 };

    private static List<(int Frame, SilenceAction Action)> Run(SilenceWatch watch, int frames, Func<int, (bool CallerInTurn, bool NobodyTalks)> state) =>
        Enumerable.Range(0, frames)
            .Select(i => (i, watch.OnFrame(state(i).CallerInTurn, state(i).NobodyTalks)))
            .Where(x => x.Item2 != SilenceAction.None)
            .ToList();

    [Fact]
    public void Quiet_line_gets_a_reprompt_every_period_then_one_hang_up()
    {
        var actions = Run(new SilenceWatch(TwoAndFive), 400, _ => (false, true));
        Assert.Equal([(99, SilenceAction.Reprompt), (199, SilenceAction.Reprompt), (249, SilenceAction.HangUp)], actions);
    }

    [Fact]
    public void The_agent_talking_pauses_the_count()
    {
        // 50 quiet frames, 100 frames of the agent talking, then quiet again: the first reprompt comes 50 quiet frames later.
        var actions = Run(new SilenceWatch(TwoAndFive), 300, i => (false, i is < 50 or >= 150));
        Assert.Equal((199, SilenceAction.Reprompt), actions[0]);
    }

    [Fact]
    public void The_caller_speaking_starts_the_count_over()
    {
        var actions = Run(new SilenceWatch(TwoAndFive), 300, i => (i == 80, i != 80));
        Assert.Equal((180, SilenceAction.Reprompt), actions[0]);
    }
}
