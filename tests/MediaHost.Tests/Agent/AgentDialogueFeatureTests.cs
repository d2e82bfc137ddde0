using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.Shared.Calls;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>Phone-grade dialogue features: the caller's keys collected into one turn, keys pressed by the model
/// (send_dtmf), the maximum call duration.</summary>
public sealed class AgentDialogueFeatureTests
{
    private static async Task<(TestCallSession Call, AgentHarness Harness)> AskAsync(ILanguageModel llm, AiLoopOptions? options = null, int maxFrames = 400)
    {
        var call = new TestCallSession(maxFrames: maxFrames);
        var h = new AgentHarness(call, new FakeSpeechToText("Please enter my extension"), llm, new FakeTextToSpeech(), options ?? new AiLoopOptions { Language = "en-US" });
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
    public async Task Llm_send_dtmf_presses_the_keys_after_its_words_were_heard_and_the_model_is_told_what_was_sent()
    {
        var llm = new FakeLanguageModel((n, _) => n == 1
            ? [Text("Entering it now."), Tool("send_dtmf", """{"digits":"12#"}""")]
            : [Text("Done.")]);

        var (call, h) = await AskAsync(llm);

        Assert.Equal(['1', '2', '#'], call.DigitsSent);
        var toolAnswer = llm.Requests[1].Messages[^1];
        Assert.Equal(ChatRole.Tool, toolAnswer.Role);
        Assert.Equal("""{"sent":"12#"}""", toolAnswer.Content);
        Assert.Equal("Entering it now. Done.", h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task Send_dtmf_with_a_key_that_is_not_on_a_telephone_sends_nothing_and_tells_the_model_why()
    {
        var llm = new FakeLanguageModel((n, _) => n == 1 ? [Tool("send_dtmf", """{"digits":"12x"}""")] : [Text("Sorry.")]);

        var (call, _) = await AskAsync(llm);

        Assert.Empty(call.DigitsSent);
        using var answer = System.Text.Json.JsonDocument.Parse(llm.Requests[1].Messages[^1].Content);
        Assert.Equal("'X' is not a telephone key (0-9, *, #, A-D)", answer.RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("not json", "arguments are not JSON")]
    [InlineData("""{"keys":"1"}""", "digits is missing or empty")]
    [InlineData("""{"digits":""}""", "digits is missing or empty")]
    [InlineData("""{"digits":"123456789012345678901234567890123"}""", "at most 32 digits at once")]
    public void Send_dtmf_arguments_that_cannot_be_sent_are_refused_with_the_reason(string arguments, string reason) =>
        Assert.Equal((null, reason), SendDtmfTool.Validate(arguments));

    [Fact]
    public void Send_dtmf_accepts_keys_written_with_spaces_and_dashes() =>
        Assert.Equal(("123*#A", null), SendDtmfTool.Validate("""{"digits":"1-2 3*#a"}"""));

    [Fact]
    public async Task At_the_maximum_call_duration_the_agent_says_time_is_up_and_hangs_up_even_mid_answer()
    {
        // The model never finishes its answer; the 2 s limit cuts it, says the phrase and hangs up.
        var llm = new FakeLanguageModel((_, _) => [Text("Let me think. "), Text("<hang>")]);

        var (call, h) = await AskAsync(llm, new AiLoopOptions { Language = "en-US", MaxCallSeconds = 2 });

        Assert.Equal(CallEndReason.MaxDuration, call.HungUpWith);
        Assert.InRange(call.HungUpAtFrame!.Value, 100, 399);
        Assert.Equal("Sorry, this call has reached its time limit. Goodbye!", h.Turn("time-up").AgentText);
        Assert.True(h.Turn("speech").Interrupted);
    }

    [Fact]
    public async Task Without_a_maximum_duration_the_call_goes_on()
    {
        var (call, _) = await AskAsync(new FakeLanguageModel((_, _) => [Text("Sure.")]), new AiLoopOptions { Language = "en-US", MaxCallSeconds = 0 }, maxFrames: 200);

        Assert.Null(call.HungUpWith);
    }

    private static async Task<(FakeLanguageModel Llm, AgentHarness Harness, TestCallSession Call)> PressAsync(string keys, AiLoopOptions? options = null)
    {
        var call = new TestCallSession(maxFrames: 400);
        var llm = new FakeLanguageModel((_, _) => [Text("Thank you.")]);
        var h = new AgentHarness(call, new FakeSpeechToText(), llm, new FakeTextToSpeech(), options ?? new AiLoopOptions { Language = "en-US", TransferTarget = "sip:operator@example.invalid" });
        call.OnFrame = i =>
        {
            // One key every 200 ms from 1.2 s on.
            if (i >= 60 && (i - 60) % 10 == 0 && (i - 60) / 10 < keys.Length)
            {
                call.PressDigit(keys[(i - 60) / 10]);
            }
        };
        await h.RunAsync();
        return (llm, h, call);
    }

    [Fact]
    public async Task Keys_pressed_one_after_another_reach_the_model_as_one_turn_ended_by_the_hash_key()
    {
        var (llm, h, call) = await PressAsync("1234#");

        Assert.Equal("DTMF 1234", Assert.Single(llm.Requests).Messages[^1].Content);
        Assert.Equal("Thank you.", h.Turn("dtmf").AgentText);
        Assert.Empty(call.Transfers);
    }

    [Fact]
    public async Task A_key_sequence_without_the_terminator_ends_after_the_inter_digit_timeout()
    {
        var (llm, h, _) = await PressAsync("42", new AiLoopOptions { Language = "en-US", Dtmf = new DtmfOptions { InterDigitTimeoutMs = 1_000 } });

        Assert.Equal("DTMF 42", Assert.Single(llm.Requests).Messages[^1].Content);
        Assert.Equal(1, h.Turns.Count(t => t.Trigger == "dtmf"));
    }

    [Fact]
    public async Task A_key_sequence_ends_at_its_maximum_length_and_the_next_key_starts_another()
    {
        var (llm, _, _) = await PressAsync("1234", new AiLoopOptions { Language = "en-US", Dtmf = new DtmfOptions { MaxDigits = 3, InterDigitTimeoutMs = 1_000 } });

        Assert.Equal(["DTMF 123", "DTMF 4"], llm.Requests.Select(r => r.Messages[^1].Content));
    }

    [Fact]
    public async Task The_operator_key_inside_a_sequence_is_a_digit_not_a_transfer()
    {
        var (llm, _, call) = await PressAsync("10#");

        Assert.Empty(call.Transfers);
        Assert.Equal("DTMF 10", Assert.Single(llm.Requests).Messages[^1].Content);
    }

    [Fact]
    public void A_stale_inter_digit_timer_does_not_end_a_sequence_that_got_a_key_since()
    {
        var keys = new DtmfCollector(new DtmfOptions());
        keys.Add('1');
        var firstPause = keys.Generation;
        keys.Add('2');

        Assert.Null(keys.TimedOut(firstPause));
        Assert.Equal("12", keys.TimedOut(keys.Generation));
        Assert.False(keys.Collecting);
    }

    private static async Task<FakeLanguageModel> AnswerThenBackchannelAsync(string answer)
    {
        var call = new TestCallSession(maxFrames: 400);
        var llm = new FakeLanguageModel((_, _) => [Text(answer)]);
        var h = new AgentHarness(call, new FakeSpeechToText("Can I book a table", "uh-huh"), llm, new FakeTextToSpeech());
        call.OnFrame = i =>
        {
            if (i is 40 or 220)
            {
                call.Say(SyntheticAudio.Voice(-20, i == 40 ? 600 : 300));
            }
        };
        await h.RunAsync();
        return llm;
    }

    [Fact]
    public async Task A_backchannel_after_the_agent_made_a_statement_is_not_a_turn_to_answer()
    {
        var llm = await AnswerThenBackchannelAsync("Yes, we have tables tonight.");

        Assert.Single(llm.Requests);
    }

    [Fact]
    public async Task A_backchannel_after_the_agent_asked_a_question_is_the_callers_answer()
    {
        var llm = await AnswerThenBackchannelAsync("Shall I book it for you?");

        Assert.Equal(2, llm.Requests.Count);
        Assert.Equal("uh-huh", llm.Requests[1].Messages[^1].Content);
    }
}
