using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class AgentBargeInTests
{
    private const int GreetingFrames = 6 * FakeTextToSpeech.FramesPerWord;
    private const string LongAnswer = "Our office is open from nine in the morning. We close at six in the evening. On weekends we are closed.";

    /// <summary>The caller asks, the agent starts the long answer, and after <paramref name="answerFramesBeforeBargeIn"/> frames of it the caller speaks for <paramref name="interruptionMs"/>.</summary>
    private static (TestCallSession Call, AgentHarness Harness, Func<int> BargeInFrame) Scenario(
        ISpeechToText stt, int interruptionMs, AiLoopOptions? options = null, int answerFramesBeforeBargeIn = 20, double? echoLossDb = null, int maxFrames = 700)
    {
        var call = new TestCallSession(maxFrames: maxFrames) { EchoLossDb = echoLossDb };
        var llm = new FakeLanguageModel((n, _) => n == 1 ? [Text(LongAnswer)] : [Text("Sure, tell me.")]);
        var h = new AgentHarness(call, stt, llm, new FakeTextToSpeech(), options ?? new AiLoopOptions { Language = "en-US" });
        var bargeInFrame = -1;
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
            if (bargeInFrame < 0 && interruptionMs > 0 && call.PlayedCount >= GreetingFrames + answerFramesBeforeBargeIn)
            {
                bargeInFrame = i;
                call.Say(SyntheticAudio.Voice(-20, interruptionMs));
            }
        };
        return (call, h, () => bargeInFrame);
    }

    [Fact]
    public async Task Caller_speech_stops_playback_within_the_confirmation_window_plus_40_ms()
    {
        var (call, h, bargeIn) = Scenario(new FakeSpeechToText("When are you open?", "Wait, what about Sunday?"), interruptionMs: 1000);
        await h.RunAsync();

        var start = bargeIn();
        Assert.True(start > 0);
        var clear = call.Clears.First(c => c.Frame >= start);
        // 200 ms confirmation = 10 frames of speech; +40 ms = 2 frames of slack.
        Assert.InRange(clear.Frame - start, 10, 12);
        Assert.True(clear.Dropped > 0, "queued agent audio was dropped");
        // Nothing of the interrupted answer plays after the clear (the next answer comes after the caller's turn ends).
        Assert.DoesNotContain(call.Played, p => p.Frame > clear.Frame && p.Frame < start + 50 + 25);
        var interrupted = h.Turn("speech", 0);
        Assert.True(interrupted.Interrupted);
    }

    [Fact]
    public async Task Transcript_keeps_only_the_part_of_the_answer_the_caller_heard()
    {
        var (_, h, _) = Scenario(new FakeSpeechToText("When are you open?", "Wait, what about Sunday?"), interruptionMs: 1000);
        await h.RunAsync();

        var heard = h.Turn("speech", 0).AgentText;
        Assert.StartsWith("Our office", heard);
        Assert.True("Our office is open from nine in the morning.".StartsWith(heard, StringComparison.Ordinal), heard);
        Assert.True(heard.Length < "Our office is open from nine in the morning.".Length, heard);
        var transcript = h.Session.Transcript;
        Assert.Equal(new ChatMessage(ChatRole.Assistant, heard), transcript[2]);
        Assert.Equal(new ChatMessage(ChatRole.User, "Wait, what about Sunday?"), transcript[3]);
        Assert.Equal("Sure, tell me.", h.Turn("speech", 1).AgentText);
    }

    [Fact]
    public async Task The_agents_own_echo_does_not_interrupt_it()
    {
        var (call, h, _) = Scenario(new FakeSpeechToText("When are you open?"), interruptionMs: 0, echoLossDb: 12);
        await h.RunAsync();

        Assert.DoesNotContain(call.Clears, c => c.Dropped > 0);
        Assert.Equal(LongAnswer, h.Turn("speech").AgentText);
        Assert.False(h.Turn("speech").Interrupted);
    }

    [Fact]
    public async Task A_caller_talking_over_the_echo_still_interrupts()
    {
        var (call, h, bargeIn) = Scenario(new FakeSpeechToText("When are you open?", "Stop."), interruptionMs: 1000, echoLossDb: 12);
        await h.RunAsync();
        Assert.Contains(call.Clears, c => c.Frame >= bargeIn() && c.Frame - bargeIn() <= 12);
    }

    [Fact]
    public async Task False_interruption_resumes_with_what_the_caller_did_not_hear()
    {
        var (_, h, _) = Scenario(new FakeSpeechToText("When are you open?", ""), interruptionMs: 300);
        await h.RunAsync();

        var resumed = h.Turn("speech", 1);
        Assert.True(resumed.FalseInterruption);
        // The sentence that was cut is said again whole, then the rest.
        Assert.Equal(LongAnswer, resumed.AgentText);
        Assert.DoesNotContain(h.Session.Transcript, m => m.Role == ChatRole.User && m.Content.Length == 0);
    }

    [Fact]
    public async Task Backchannel_uh_huh_is_a_false_interruption()
    {
        var (_, h, _) = Scenario(new FakeSpeechToText("When are you open?", "uh-huh"), interruptionMs: 400);
        await h.RunAsync();
        Assert.True(h.Turn("speech", 1).FalseInterruption);
        Assert.DoesNotContain(h.Session.Transcript, m => m.Content == "uh-huh");
    }

    [Fact]
    public async Task Russian_backchannel_ugu_is_a_false_interruption()
    {
        var (_, h, _) = Scenario(new FakeSpeechToText("Когда вы открыты?", "Угу."), interruptionMs: 400, options: new AiLoopOptions());
        await h.RunAsync();
        Assert.True(h.Turn("speech", 1).FalseInterruption);
    }

    [Fact]
    public async Task With_resume_off_a_false_interruption_carries_on_listening()
    {
        var options = new AiLoopOptions { Language = "en-US", BargeIn = { ResumeAfterFalseInterruption = false } };
        var (_, h, _) = Scenario(new FakeSpeechToText("When are you open?", ""), interruptionMs: 300, options: options);
        await h.RunAsync();

        var after = h.Turn("speech", 1);
        Assert.True(after.FalseInterruption);
        Assert.Equal("", after.AgentText);
    }

    [Fact]
    public async Task Interrupting_while_the_model_is_still_thinking_cancels_it()
    {
        var call = new TestCallSession(maxFrames: 500);
        var llm = new FakeLanguageModel((n, _) => n == 1 ? [Text("<hang>")] : [Text("Yes?")]);
        var h = new AgentHarness(call, new FakeSpeechToText("Question one", "Actually, never mind"), llm, new FakeTextToSpeech());
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
            if (i == 150)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
        };
        await h.RunAsync();

        Assert.True(h.Turn("speech", 0).Interrupted);
        Assert.Null(h.Turn("speech", 0).Error); // a barge-in is not a provider failure
        Assert.Equal("Yes?", h.Turn("speech", 1).AgentText);
    }
}
