using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class AgentConversationTests
{
    private const int GreetingFrames = 6 * FakeTextToSpeech.FramesPerWord; // "Hello! How can I help you?"

    [Fact]
    public async Task Greeting_is_spoken_as_soon_as_the_call_starts()
    {
        var call = new TestCallSession(maxFrames: 100);
        var h = new AgentHarness(call, new FakeSpeechToText(), new FakeLanguageModel((_, _) => []), new FakeTextToSpeech());
        await h.RunAsync();

        Assert.Equal(GreetingFrames, call.PlayedCount);
        Assert.InRange(call.Played[0].Frame, 0, 25); // rendered on the first frames (loose: the media clock outruns a loaded machine)
        Assert.Equal("Hello! How can I help you?", h.Turn("greeting").AgentText);
        Assert.Equal(new ChatMessage(ChatRole.Assistant, "Hello! How can I help you?"), h.Session.Transcript[0]);
    }

    [Fact]
    public async Task First_sentence_is_spoken_while_the_model_is_still_writing()
    {
        var call = new TestCallSession(maxFrames: 400);
        var llm = new FakeLanguageModel((_, _) => [Text("We are open "), Text("every day. "), Text("<wait>"), Text("Anything else?")]);
        var h = new AgentHarness(call, new FakeSpeechToText("What are your opening hours?"), llm, new FakeTextToSpeech());
        var releasedWhilePlaying = false;
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 800));
            }
            if (!releasedWhilePlaying && call.PlayedCount > GreetingFrames + 5)
            {
                releasedWhilePlaying = true; // the answer's first sentence is already audible
                llm.Release();
            }
        };
        await h.RunAsync();

        Assert.True(releasedWhilePlaying, "no answer audio until the model finished: the first sentence must not wait for the rest");
        var turn = h.Turn("speech");
        Assert.Equal("What are your opening hours?", turn.UserText);
        Assert.Equal("We are open every day. Anything else?", turn.AgentText);
        Assert.False(turn.Interrupted);
        Assert.Equal([ChatRole.Assistant, ChatRole.User, ChatRole.Assistant], h.Session.Transcript.Select(m => m.Role));
    }

    [Fact]
    public async Task Turn_record_has_the_latencies_on_the_media_clock()
    {
        var call = new TestCallSession(maxFrames: 300);
        var h = new AgentHarness(call, new FakeSpeechToText("Hi"), new FakeLanguageModel((_, _) => [Text("Hello there.")]), new FakeTextToSpeech());
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
        };
        await h.RunAsync();

        var turn = h.Turn("speech");
        // Voice-to-voice runs from the end of speech, the endpoint figure from the decision 500 ms of silence later:
        // both end on the same first frame, so they differ by exactly the endpointing silence.
        Assert.NotNull(turn.VoiceToVoice);
        Assert.NotNull(turn.EndpointToFirstFrame);
        Assert.Equal(500, (turn.VoiceToVoice!.Value - turn.EndpointToFirstFrame!.Value).TotalMilliseconds);
        Assert.InRange(turn.EndpointToFirstFrame.Value.TotalMilliseconds, 0, 3000);
        Assert.NotNull(turn.SttLatency);
        Assert.NotNull(turn.LlmTimeToFirstToken);
        Assert.NotNull(turn.TtsTimeToFirstAudio);
    }

    [Fact]
    public async Task Empty_transcript_gets_the_not_understood_phrase_and_no_model_call()
    {
        var call = new TestCallSession(maxFrames: 300);
        var llm = new FakeLanguageModel((_, _) => [Text("Should not be said.")]);
        var h = new AgentHarness(call, new FakeSpeechToText(""), llm, new FakeTextToSpeech());
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
        };
        await h.RunAsync();

        Assert.Empty(llm.Requests);
        Assert.Equal("Sorry, I didn't catch that. Could you repeat?", h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task A_cough_shorter_than_the_minimum_speech_does_not_start_a_turn()
    {
        var call = new TestCallSession(maxFrames: 200);
        var stt = new FakeSpeechToText("x");
        var h = new AgentHarness(call, stt, new FakeLanguageModel((_, _) => [Text("Hm.")]), new FakeTextToSpeech());
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 100));
            }
        };
        await h.RunAsync();
        Assert.Empty(stt.UtteranceSamples);
    }

    [Fact]
    public async Task Silence_gets_a_reprompt_and_then_a_polite_hang_up()
    {
        var call = new TestCallSession(maxFrames: 50 * 60);
        var options = new AiLoopOptions { Language = "en-US", Silence = { RepromptAfterSeconds = 2, HangUpAfterSeconds = 5 } };
        var h = new AgentHarness(call, new FakeSpeechToText(), new FakeLanguageModel((_, _) => []), new FakeTextToSpeech(), options);
        await h.RunAsync();

        Assert.Equal(["greeting", "reprompt", "reprompt", "hangup"], h.Turns.Select(t => t.Trigger));
        Assert.Equal("I can't hear you. Goodbye!", h.Turn("hangup").AgentText);
        Assert.Equal(VoiceFunctions.Shared.Calls.CallEndReason.AgentHangUp, call.HungUpWith);
        // The goodbye was heard in full before the hang-up.
        Assert.True(call.Played[^1].Frame <= call.HungUpAtFrame);
        Assert.Equal(GreetingFrames + 2 * 8 * FakeTextToSpeech.FramesPerWord + 5 * FakeTextToSpeech.FramesPerWord, call.PlayedCount);
    }

    [Fact]
    public async Task Russian_is_the_default_language_of_phrases_and_requests()
    {
        var call = new TestCallSession(maxFrames: 300);
        var llm = new FakeLanguageModel((_, _) => [Text("Мы открыты с 9 до 18, т.е. весь день. "), Text("Что-то ещё?")]);
        var tts = new FakeTextToSpeech();
        var h = new AgentHarness(call, new FakeSpeechToText("Когда вы работаете?"), llm, tts, new AiLoopOptions());
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
        };
        await h.RunAsync();

        Assert.Equal("Здравствуйте! Чем могу помочь?", h.Turn("greeting").AgentText);
        Assert.Equal("ru-RU", llm.Requests[0].Language);
        Assert.Contains("Мы открыты с 9 до 18, т.е. весь день.", tts.Sentences);
        Assert.Contains("Что-то ещё?", tts.Sentences);
    }

    [Fact]
    public async Task History_is_bounded_and_keeps_the_system_prompt()
    {
        var call = new TestCallSession(maxFrames: 50 * 30);
        var options = new AiLoopOptions { Language = "en-US", MaxHistoryMessages = 4, SystemPrompt = "Be brief." };
        var llm = new FakeLanguageModel((n, _) => [Text($"Answer {n}.")]);
        var h = new AgentHarness(call, new FakeSpeechToText("one", "two", "three", "four"), llm, new FakeTextToSpeech(), options);
        call.OnFrame = i =>
        {
            if (i is 40 or 140 or 240 or 340)
            {
                call.Say(SyntheticAudio.Voice(-20, 500));
            }
        };
        await h.RunAsync();

        Assert.Equal(4, llm.Requests.Count);
        var last = llm.Requests[^1].Messages;
        Assert.Equal(new ChatMessage(ChatRole.System, "Be brief."), last[0]);
        Assert.Equal(5, last.Count);
        Assert.Equal("four", last[^1].Content);
    }
}
