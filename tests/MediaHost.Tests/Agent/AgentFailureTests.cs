using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class AgentFailureTests
{
    private const string Fallback = "Sorry, I had a technical problem. Could you say that again?";

    private static async Task<(TestCallSession Call, AgentHarness Harness)> RunOneQuestion(ISpeechToText stt, ILanguageModel llm, ITextToSpeech? tts = null, AiLoopOptions? options = null, int maxFrames = 400)
    {
        var call = new TestCallSession(maxFrames: maxFrames);
        var h = new AgentHarness(call, stt, llm, tts ?? new FakeTextToSpeech(), options);
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
        };
        await h.RunAsync();
        return (call, h);
    }

    [Fact]
    public async Task Stt_failure_is_answered_with_the_fallback_phrase()
    {
        var (_, h) = await RunOneQuestion(new FakeSpeechToText(new ProviderException("fake-stt", "down", true)), new FakeLanguageModel((_, _) => []));
        var turn = h.Turn("speech");
        Assert.Equal(Fallback, turn.AgentText);
        Assert.StartsWith("ProviderException", turn.Error);
    }

    [Fact]
    public async Task Llm_failure_before_any_text_is_answered_with_the_fallback_phrase()
    {
        var (_, h) = await RunOneQuestion(new FakeSpeechToText("Hi"), new FakeLanguageModel((_, _) => [Text("<fail>")]));
        Assert.Equal(Fallback, h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task Llm_failure_mid_answer_speaks_what_was_written_then_the_fallback()
    {
        var (_, h) = await RunOneQuestion(new FakeSpeechToText("Hi"), new FakeLanguageModel((_, _) => [Text("We are open daily. "), Text("And on"), Text("<fail>")]));
        Assert.Equal("We are open daily. " + Fallback, h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task Llm_that_never_answers_times_out_on_the_media_clock_and_the_fallback_is_spoken()
    {
        var options = new AiLoopOptions { Language = "en-US", ProviderTimeoutSeconds = 2 };
        var (call, h) = await RunOneQuestion(new FakeSpeechToText("Hi"), new FakeLanguageModel((_, _) => [Text("<hang>")]), options: options);
        var turn = h.Turn("speech");
        Assert.StartsWith(nameof(ProviderTimeoutException), turn.Error);
        Assert.Equal(Fallback, turn.AgentText);
        // Endpoint at frame 94, timeout 2 s = 100 frames later: the fallback starts after that, never before
        // (the upper bound is loose: the media clock here runs faster than real time on a loaded machine).
        var fallbackStart = call.Played.Skip(30).First().Frame;
        Assert.InRange(fallbackStart, 194, 300);
    }

    [Fact]
    public async Task Stt_that_never_answers_times_out_too()
    {
        var options = new AiLoopOptions { Language = "en-US", ProviderTimeoutSeconds = 1 };
        var (_, h) = await RunOneQuestion(new FakeSpeechToText([null]), new FakeLanguageModel((_, _) => []), options: options);
        Assert.StartsWith(nameof(ProviderTimeoutException), h.Turn("speech").Error);
        Assert.Equal(Fallback, h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task Tts_failure_on_a_sentence_plays_the_prerendered_fallback()
    {
        var (_, h) = await RunOneQuestion(new FakeSpeechToText("Hi"), new FakeLanguageModel((_, _) => [Text("This will FAIL in TTS.")]));
        var turn = h.Turn("speech");
        Assert.Equal(Fallback, turn.AgentText);
        Assert.Contains("fake-tts", turn.Error);
    }

    [Fact]
    public async Task With_tts_down_entirely_the_caller_still_hears_a_tone_not_silence()
    {
        var tts = new FakeTextToSpeech { FailAll = true };
        var call = new TestCallSession(maxFrames: 100);
        var h = new AgentHarness(call, new FakeSpeechToText(), new FakeLanguageModel((_, _) => []), tts);
        await h.RunAsync();

        Assert.Equal(30, call.PlayedCount); // the greeting could not be synthesised: the attention tone played instead
        Assert.True(SyntheticAudio.RmsDbfs(call.Played[0].Samples) > -30);
        Assert.NotNull(h.Turn("greeting").Error);
    }

    [Fact]
    public async Task Provider_failure_transfers_to_a_human_when_configured()
    {
        var options = new AiLoopOptions { Language = "en-US", TransferTarget = "sip:operator@example.invalid", TransferOnProviderFailure = true };
        var (call, h) = await RunOneQuestion(new FakeSpeechToText("Hi"), new FakeLanguageModel((_, _) => [Text("<fail>")]), options: options);
        Assert.Equal(["sip:operator@example.invalid"], call.Transfers);
        Assert.Equal(Fallback + " Connecting you to an operator.", h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task A_failing_turn_reporter_does_not_break_the_call()
    {
        var call = new TestCallSession(maxFrames: 300);
        var h = new AgentHarness(call, new FakeSpeechToText("Hi"), new FakeLanguageModel((_, _) => [Text("Hello.")]), new FakeTextToSpeech());
        var broken = new AgentSession(call, h.Options, h.Dependencies with { TurnReporter = new ThrowingReporter() });
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
        };
        await broken.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(broken.Transcript, m => m.Content == "Hello.");
    }

    private sealed class ThrowingReporter : ITurnReporter
    {
        public ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken) => throw new InvalidOperationException("control plane down");
    }
}
