using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Providers;
using VoiceFunctions.Shared.Calls;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class AgentToolTests
{
    private const string Operator = "sip:operator@example.invalid";

    private static async Task<(TestCallSession Call, AgentHarness Harness)> Ask(ILanguageModel llm, AiLoopOptions options, string said = "Question", int maxFrames = 400)
    {
        var call = new TestCallSession(maxFrames: maxFrames);
        var h = new AgentHarness(call, new FakeSpeechToText(said), llm, new FakeTextToSpeech(), options);
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
    public async Task Llm_transfer_tool_call_transfers_the_call_after_the_agent_finished_speaking()
    {
        var llm = new FakeLanguageModel((_, _) => [Text("One moment, connecting you."), Tool(BuiltInTools.TransferToHuman)]);
        var (call, h) = await Ask(llm, new AiLoopOptions { Language = "en-US", TransferTarget = Operator });

        Assert.Equal([Operator], call.Transfers);
        var turn = h.Turn("speech");
        Assert.Equal("One moment, connecting you.", turn.AgentText); // the model spoke: no extra announcement
        Assert.Equal([BuiltInTools.TransferToHuman], turn.ToolCalls);
        Assert.Equal(30 + 4 * FakeTextToSpeech.FramesPerWord, call.PlayedCount);
    }

    [Fact]
    public async Task Transfer_without_a_target_is_refused_politely_and_the_call_goes_on()
    {
        var llm = new FakeLanguageModel((_, _) => [Tool(BuiltInTools.TransferToHuman)]);
        var (call, h) = await Ask(llm, new AiLoopOptions { Language = "en-US" });
        Assert.Empty(call.Transfers);
        Assert.Equal("Sorry, I can't connect you to an operator right now.", h.Turn("speech").AgentText);
        Assert.Null(call.HungUpWith);
    }

    [Fact]
    public async Task Failed_transfer_is_announced()
    {
        var llm = new FakeLanguageModel((_, _) => [Tool(BuiltInTools.TransferToHuman)]);
        var call = new TestCallSession(maxFrames: 400) { TransferOutcome = new(false, 486, "busy") };
        var h = new AgentHarness(call, new FakeSpeechToText("operator"), llm, new FakeTextToSpeech(), new AiLoopOptions { Language = "en-US", TransferTarget = Operator });
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
        };
        await h.RunAsync();
        Assert.Equal("Connecting you to an operator. Sorry, I can't connect you to an operator right now.", h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task Llm_end_call_hangs_up_after_the_goodbye_was_heard()
    {
        var llm = new FakeLanguageModel((_, _) => [Text("Thank you for calling, goodbye!"), Tool(BuiltInTools.EndCall)]);
        var (call, h) = await Ask(llm, new AiLoopOptions { Language = "en-US" });

        Assert.Equal(CallEndReason.AgentHangUp, call.HungUpWith);
        Assert.Equal(30 + 5 * FakeTextToSpeech.FramesPerWord, call.PlayedCount);
        Assert.True(call.Played[^1].Frame < call.HungUpAtFrame);
        Assert.Equal("Thank you for calling, goodbye!", h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task Dtmf_zero_transfers_to_the_operator_even_while_the_agent_talks()
    {
        var call = new TestCallSession(maxFrames: 400);
        var h = new AgentHarness(call, new FakeSpeechToText(), new FakeLanguageModel((_, _) => []), new FakeTextToSpeech(), new AiLoopOptions { Language = "en-US", TransferTarget = Operator });
        call.OnFrame = i =>
        {
            if (i == 10)
            {
                call.PressDigit('0');
            }
        };
        await h.RunAsync();

        Assert.Equal([Operator], call.Transfers);
        Assert.True(h.Turn("greeting").Interrupted);
        Assert.Equal("Connecting you to an operator.", h.Turn("dtmf").AgentText);
    }

    [Fact]
    public async Task Other_dtmf_digits_go_to_the_model_as_input()
    {
        var call = new TestCallSession(maxFrames: 300);
        var llm = new FakeLanguageModel((_, _) => [Text("You pressed five.")]);
        var h = new AgentHarness(call, new FakeSpeechToText(), llm, new FakeTextToSpeech());
        call.OnFrame = i =>
        {
            if (i == 60)
            {
                call.PressDigit('5');
            }
        };
        await h.RunAsync();
        Assert.Equal("DTMF 5", llm.Requests.Single().Messages[^1].Content);
        Assert.Equal("You pressed five.", h.Turn("dtmf").AgentText);
    }

    [Fact]
    public async Task Http_tool_from_configuration_is_called_and_its_answer_goes_back_to_the_model()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) =>
        {
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync("""{"status":"shipped"}""");
        });
        var options = new AiLoopOptions
        {
            Language = "en-US",
            HttpTools = [new HttpToolOptions { Name = "order_status", Description = "Order status by number", Url = server.BaseUrl + "/orders", ParametersSchema = """{"type":"object","properties":{"order":{"type":"string"}}}""" }],
        };
        var llm = new FakeLanguageModel((n, request) => n == 1
            ? [Text("Let me check."), Tool("order_status", """{"order":"42"}""")]
            : [Text("Your order has " + JsonDocument.Parse(request.Messages[^1].Content).RootElement.GetProperty("status").GetString() + ".")]);
        var (_, h) = await Ask(llm, options, said: "Where is my order 42?");

        Assert.Contains(llm.Requests[0].Tools, t => t.Name == "order_status");
        Assert.Equal("""{"order":"42"}""", System.Text.Encoding.UTF8.GetString(server.Requests.Single().Body));
        var second = llm.Requests[1].Messages;
        Assert.Equal(ChatRole.Tool, second[^1].Role);
        Assert.Equal("call_order_status", second[^1].ToolCallId);
        Assert.Equal("order_status", Assert.Single(second[^2].ToolCalls!).Name);
        Assert.Equal("Let me check. Your order has shipped.", h.Turn("speech").AgentText);
    }

    [Fact]
    public async Task Tools_offered_to_the_model_include_end_call_transfer_and_send_dtmf()
    {
        var llm = new FakeLanguageModel((_, _) => [Text("Ok.")]);
        await Ask(llm, new AiLoopOptions { Language = "en-US" });
        Assert.Equal([BuiltInTools.EndCall, BuiltInTools.TransferToHuman, "send_dtmf"], llm.Requests[0].Tools.Select(t => t.Name));
    }
}
