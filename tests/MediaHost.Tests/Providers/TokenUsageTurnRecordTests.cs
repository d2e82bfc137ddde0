using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Agent;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Providers;

/// <summary>The LLM's reported token usage reaches the turn record, summed over the turn's requests.</summary>
public sealed class TokenUsageTurnRecordTests
{
    [Fact]
    public async Task Token_usage_of_every_llm_request_of_a_turn_is_summed_on_its_turn_record()
    {
        // A tool round: the model asks for a tool, then answers with its result — two requests, one turn.
        var llm = new FakeLanguageModel((_, request) => request.Messages[^1].Role == ChatRole.Tool
            ? [Text("Заказ в пути."), LanguageModelUpdate.FromUsage(new TokenUsage(30, 4))]
            : request.Messages[^1].Role == ChatRole.User
                ? [Tool("lookup_order"), LanguageModelUpdate.FromUsage(new TokenUsage(50, 6))]
                : [Text("Здравствуйте!")]);
        var call = new TestCallSession(maxFrames: 400);
        var h = new AgentHarness(call, new FakeSpeechToText("Где мой заказ?"), llm, new FakeTextToSpeech(), new AiLoopOptions { Language = "ru-RU" });
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
        };
        await h.RunAsync();

        var turn = h.Turns.First(t => t.Trigger == "speech");
        Assert.Equal(80, turn.InputTokens);
        Assert.Equal(10, turn.OutputTokens);
        Assert.NotNull(turn.LlmTimeToFirstToken);
    }
}
