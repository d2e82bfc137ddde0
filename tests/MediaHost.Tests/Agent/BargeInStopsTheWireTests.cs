using VoiceFunctions.MediaHost.Agent;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>
/// Once the barge-in is decided, nothing more of the interrupted answer may reach the call: the output stage writes
/// ahead of the clock and waits for room in the call's queue, and the clear that makes room must not let it refill
/// the queue before the turn is cancelled (over RTP that refill played up to 500 ms of the agent after the decision).
/// </summary>
public sealed class BargeInStopsTheWireTests
{
    private const string LongAnswer = "Our office is open from nine in the morning. We close at six in the evening. On weekends we are closed.";

    [Fact]
    public async Task After_the_barge_in_clears_the_queue_at_most_one_frame_of_the_interrupted_answer_plays_even_if_the_listener_stalls()
    {
        var call = new TestCallSession(maxFrames: 500);
        var llm = new FakeLanguageModel((n, _) => n == 1 ? [Text(LongAnswer)] : [Text("Sure, tell me.")]);
        var h = new AgentHarness(call, new FakeSpeechToText("When are you open?", "Wait, what about Sunday?"), llm, new FakeTextToSpeech(), new AiLoopOptions { Language = "en-US" });
        var bargeInFrame = -1;
        var stalled = 0;
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
            if (bargeInFrame < 0 && call.PlayedCount >= 6 * FakeTextToSpeech.FramesPerWord + 20)
            {
                bargeInFrame = i;
                call.Say(SyntheticAudio.Voice(-20, 1000));
            }
        };
        // The thread that cleared the queue stalls right after the clear (as a loaded machine's scheduler can make it)
        // until five more frames have been played: whatever the output stage queues in that gap plays.
        call.AfterClear = () =>
        {
            if (bargeInFrame < 0 || Interlocked.Exchange(ref stalled, 1) == 1)
            {
                return;
            }
            SpinWait.SpinUntil(() => call.QueuedFrames > 0, TimeSpan.FromMilliseconds(300));
            var from = call.FrameIndex;
            SpinWait.SpinUntil(() => call.FrameIndex >= from + 5, TimeSpan.FromSeconds(5));
        };

        await h.RunAsync();

        Assert.True(h.Turn("speech", 0).Interrupted, "the caller's speech did not interrupt the answer");
        var clear = call.Clears.First(c => c.Frame >= bargeInFrame);
        Assert.True(clear.Dropped > 0, "the answer's queued audio should have been dropped");
        var playedAfter = call.Played.Count(p => p.Frame > clear.Frame && p.Frame <= clear.Frame + 10);
        Assert.True(playedAfter <= 1, $"{playedAfter} frames of the interrupted answer played after the clear at frame {clear.Frame}");
    }
}
