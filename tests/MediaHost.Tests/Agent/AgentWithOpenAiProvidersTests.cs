using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Providers;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>The loop on the OpenAI-compatible providers, against the loopback server speaking the real wire format.</summary>
public sealed class AgentWithOpenAiProvidersTests
{
    [Fact]
    public async Task Streamed_answer_with_a_transfer_tool_call_is_spoken_then_the_call_is_transferred()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync(async (ctx, _) =>
        {
            switch (ctx.Request.Path.Value)
            {
                case "/v1/audio/transcriptions":
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.WriteAsync("""{"text":"Позовите, пожалуйста, человека."}""");
                    break;
                case "/v1/chat/completions":
                    await LoopbackOpenAiServer.WriteSseAsync(ctx,
                    [
                        """{"choices":[{"index":0,"delta":{"role":"assistant","content":"Конечно."},"finish_reason":null}]}""",
                        """{"choices":[{"index":0,"delta":{"content":" Соединяю с оператором."},"finish_reason":null}]}""",
                        """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"transfer_to_human","arguments":""}}]},"finish_reason":null}]}""",
                        """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]},"finish_reason":null}]}""",
                        """{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""",
                        "[DONE]",
                    ]);
                    break;
                default:
                    ctx.Response.StatusCode = 404;
                    break;
            }
        });
        OpenAiOptions Options(string model) => new() { BaseUrl = server.BaseUrl, ApiKey = "k-" + Guid.NewGuid().ToString("N"), Model = model };
        var http = new HttpClient();
        var call = new TestCallSession(maxFrames: 600);
        var stt = new OpenAiSpeechToText(http, Options("whisper-1"), TimeProvider.System, NullLogger<OpenAiSpeechToText>.Instance);
        var llm = new VoiceFunctions.MediaHost.Providers.Configuration.ProviderChainFactory(http, TimeProvider.System, NullLoggerFactory.Instance)
            .LanguageModel(VoiceFunctions.MediaHost.Providers.Configuration.ProviderChainFactory.FromOpenAi(Options("gpt-test"), "openai-compatible"));
        var h = new AgentHarness(call, stt, llm, new FakeTextToSpeech(), new AiLoopOptions { TransferTarget = "tel:+74950000000" }, time: TimeProvider.System);
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 700));
            }
        };
        await h.RunAsync();

        Assert.Equal(["tel:+74950000000"], call.Transfers);
        var turn = h.Turn("speech");
        Assert.Equal("Позовите, пожалуйста, человека.", turn.UserText);
        Assert.Equal("Конечно. Соединяю с оператором.", turn.AgentText);
        Assert.Equal([BuiltInTools.TransferToHuman], turn.ToolCalls);
        var chat = server.Requests.Single(r => r.Path == "/v1/chat/completions");
        using var body = System.Text.Json.JsonDocument.Parse(chat.Body);
        var messages = body.RootElement.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal("Позовите, пожалуйста, человека.", messages[messages.GetArrayLength() - 1].GetProperty("content").GetString());
    }
}
