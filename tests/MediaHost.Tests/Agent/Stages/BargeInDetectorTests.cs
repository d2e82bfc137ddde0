using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent.Stages;

public sealed class BargeInDetectorTests
{
    [Fact]
    public void Fires_once_on_the_frame_that_holds_the_confirmation_of_speech_while_the_agent_talks()
    {
        var detector = BargeInDetector.For(new BargeInOptions { ConfirmationMs = 200 }); // 10 frames
        detector.TurnStarted();
        var fired = Enumerable.Range(1, 30).Where(_ => detector.OnFrame(isSpeech: true, agentTurnRunning: true)).ToList();
        Assert.Single(fired);
        Assert.True(detector.BargedIn);
    }

    [Fact]
    public void Only_speech_frames_count_towards_the_confirmation()
    {
        var detector = new BargeInDetector(confirmationFrames: 3);
        detector.TurnStarted();
        Assert.False(detector.OnFrame(true, true));
        Assert.False(detector.OnFrame(false, true));
        Assert.False(detector.OnFrame(true, true));
        Assert.False(detector.OnFrame(false, true));
        Assert.True(detector.OnFrame(true, true));
    }

    [Fact]
    public void A_caller_turn_while_the_agent_is_idle_is_no_barge_in()
    {
        var detector = new BargeInDetector(confirmationFrames: 2);
        detector.TurnStarted();
        for (var i = 0; i < 20; i++)
        {
            Assert.False(detector.OnFrame(true, agentTurnRunning: false));
        }
        Assert.False(detector.BargedIn);
        Assert.True(detector.OnFrame(true, agentTurnRunning: true)); // the agent started talking during the caller's turn
    }

    [Fact]
    public void Each_caller_turn_starts_counting_over()
    {
        var detector = new BargeInDetector(confirmationFrames: 2);
        detector.TurnStarted();
        detector.OnFrame(true, true);
        Assert.True(detector.OnFrame(true, true));
        detector.TurnStarted();
        Assert.False(detector.BargedIn);
        Assert.False(detector.OnFrame(true, true));
        Assert.True(detector.OnFrame(true, true));
    }

    private static BargeInDetector WithHold() => new(confirmationFrames: 2, backchannelHoldFrames: 10, new BackchannelRule(new BargeInOptions()));

    [Fact]
    public void While_the_interim_is_only_a_backchannel_the_agent_keeps_talking_until_the_hold_ends()
    {
        var detector = WithHold();
        detector.TurnStarted();

        var fired = Enumerable.Range(1, 12).Where(_ => detector.OnFrame(true, true, "uh-huh")).ToList();

        Assert.Equal([10], fired);
    }

    [Fact]
    public void A_word_that_is_not_a_backchannel_stops_the_agent_as_soon_as_it_is_heard()
    {
        var detector = WithHold();
        detector.TurnStarted();
        Assert.False(detector.OnFrame(true, true, null));
        Assert.False(detector.OnFrame(true, true, "mm"));
        Assert.True(detector.OnFrame(true, true, "mm wait"));
    }

    [Fact]
    public void With_a_batch_recogniser_there_is_no_interim_to_wait_for_and_no_hold()
    {
        var detector = BargeInDetector.For(new BargeInOptions { ConfirmationMs = 40, BackchannelHoldMs = 600 }, interimsExpected: false);
        detector.TurnStarted();
        Assert.False(detector.OnFrame(true, true));
        Assert.True(detector.OnFrame(true, true));
    }
}
