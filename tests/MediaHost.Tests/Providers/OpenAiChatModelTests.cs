using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers;

public sealed class OpenAiChatModelTests
{
    private static readonly string Key = "test-key-" + Guid.NewGuid().ToString("N");

    private static OpenAiChatModel Model(LoopbackOpenAiServer server, Action<OpenAiOptions>? configure = null)
    {
        var options = new OpenAiOptions { BaseUrl = server.BaseUrl, ApiKey = Key, Model = "test-model", RetryDelayMs = 1 };
        configure?.Invoke(options);
        return new OpenAiChatModel(new HttpClient(), options, TimeProvider.System, NullLogger<OpenAiChatModel>.Instance);
    }

    private static LanguageModelRequest Request() => new(
        [new ChatMessage(ChatRole.System, "You are a phone agent."), new ChatMessage(ChatRole.User, "Переведите меня на оператора")],
        [new ToolDefinition("transfer_to_human", "Transfer", JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement)],
        "ru-RU");

    private static async Task<List<LanguageModelUpdate>> Collect(ILanguageModel model, CancellationToken cancellationToken = default)
    {
        var updates = new List<LanguageModelUpdate>();
        await foreach (var u in model.StreamAsync(Request(), cancellationToken))
        {
            updates.Add(u);
        }
        return updates;
    }

    private static string Chunk(string deltaJson, string? finish = null) =>
        $$"""{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"test-model","choices":[{"index":0,"delta":{{deltaJson}},"finish_reason":{{(finish is null ? "null" : "\"" + finish + "\"")}}}]}""";

    [Fact]
    public async Task Content_deltas_stream_in_order_and_the_request_carries_model_messages_tools_and_key()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx,
            [Chunk("""{"role":"assistant","content":""}"""), Chunk("""{"content":"Здравствуйте"}"""), Chunk("""{"content":"! Чем"}"""), Chunk("""{"content":" помочь?"}"""), Chunk("{}", "stop"), "[DONE]"]));
        var updates = await Collect(Model(server)).DefaultTimeout();

        Assert.Equal("Здравствуйте! Чем помочь?", string.Concat(updates.Select(u => u.Text)));
        Assert.All(updates, u => Assert.Null(u.ToolCall));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + Key, request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal("test-model", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("user", body.RootElement.GetProperty("messages")[1].GetProperty("role").GetString());
        Assert.Equal("transfer_to_human", body.RootElement.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Tool_call_fragments_are_assembled_into_whole_calls()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx,
        [
            Chunk("""{"content":"Соединяю."}"""),
            Chunk("""{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"transfer_to_human","arguments":""}}]}"""),
            Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"{\"reas"}}]}"""),
            Chunk("""{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"lookup","arguments":"{}"}}]}"""),
            Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"on\":\"asked\"}"}}]}"""),
            Chunk("{}", "tool_calls"),
            "[DONE]",
        ]));
        var updates = await Collect(Model(server)).DefaultTimeout();

        Assert.Equal("Соединяю.", updates[0].Text);
        var calls = updates.Where(u => u.ToolCall is not null).Select(u => u.ToolCall!).ToList();
        Assert.Equal([new ToolCall("call_a", "transfer_to_human", """{"reason":"asked"}"""), new ToolCall("call_b", "lookup", "{}")], calls);
    }

    [Fact]
    public async Task Error_json_becomes_a_provider_exception_with_the_server_message_and_no_key()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteErrorAsync(ctx, 400, "model not found"));
        var e = await Assert.ThrowsAsync<ProviderException>(() => Collect(Model(server))).DefaultTimeout();

        Assert.Contains("HTTP 400: model not found", e.Message);
        Assert.False(e.IsTransient);
        Assert.DoesNotContain(Key, e.ToString());
        Assert.Single(server.Requests); // not retried
    }

    [Fact]
    public async Task Transient_errors_are_retried_a_bounded_number_of_times()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, attempt) => attempt < 3
            ? LoopbackOpenAiServer.WriteErrorAsync(ctx, 503, "overloaded")
            : LoopbackOpenAiServer.WriteSseAsync(ctx, [Chunk("""{"content":"ok"}"""), "[DONE]"]));
        var updates = await Collect(Model(server, o => o.MaxRetries = 2)).DefaultTimeout();
        Assert.Equal("ok", updates.Single().Text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_max_retries_and_the_last_error_surfaces()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteErrorAsync(ctx, 429, "rate limited"));
        var e = await Assert.ThrowsAsync<ProviderException>(() => Collect(Model(server, o => o.MaxRetries = 1))).DefaultTimeout();
        Assert.Equal(429, e.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_stream_broken_off_mid_way_fails_after_the_text_already_delivered()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync(async (ctx, _) =>
        {
            await LoopbackOpenAiServer.WriteSseAsync(ctx, [Chunk("""{"content":"Первое предложение."}""")]);
            await Task.Delay(300);
            ctx.Abort(); // connection reset before [DONE]
        });
        var received = new List<string>();
        var e = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var u in Model(server).StreamAsync(Request(), CancellationToken.None))
            {
                received.Add(u.Text!);
            }
        }).DefaultTimeout();
        Assert.Equal(["Первое предложение."], received);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task A_stream_that_closes_without_done_is_reported_as_broken()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx, [Chunk("""{"content":"Hi"}""")]));
        var e = await Assert.ThrowsAsync<ProviderException>(() => Collect(Model(server))).DefaultTimeout();
        Assert.Contains("before [DONE]", e.Message);
    }

    [Fact]
    public async Task A_stalled_stream_times_out_with_its_own_exception_type()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync(async (ctx, _) =>
        {
            await LoopbackOpenAiServer.WriteSseAsync(ctx, [Chunk("""{"content":"Hi"}""")]);
            await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted).ContinueWith(_ => { });
        });
        var e = await Assert.ThrowsAsync<ProviderTimeoutException>(() => Collect(Model(server, o => o.StreamIdleTimeoutSeconds = 1))).DefaultTimeout();
        Assert.Equal(TimeSpan.FromSeconds(1), e.Timeout);
    }

    [Fact]
    public async Task A_slow_stream_within_the_idle_timeout_is_delivered_whole()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx,
            [Chunk("""{"content":"a"}"""), Chunk("""{"content":"b"}"""), Chunk("""{"content":"c"}"""), "[DONE]"], TimeSpan.FromMilliseconds(150)));
        var updates = await Collect(Model(server)).DefaultTimeout();
        Assert.Equal("abc", string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task Cancelling_the_turn_is_a_cancellation_not_a_timeout()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync(async (ctx, _) =>
        {
            await LoopbackOpenAiServer.WriteSseAsync(ctx, [Chunk("""{"content":"Hi"}""")]);
            await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted).ContinueWith(_ => { });
        });
        using var cts = new CancellationTokenSource();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var u in Model(server).StreamAsync(Request(), cts.Token))
            {
                cts.Cancel(); // the caller barged in after the first token
            }
        }).DefaultTimeout();
        Assert.IsNotType<ProviderTimeoutException>(e);
    }

    [Fact]
    public async Task Connection_refused_is_a_transient_provider_error()
    {
        var options = new OpenAiOptions { BaseUrl = "http://127.0.0.1:1/v1", Model = "m", MaxRetries = 0 };
        var model = new OpenAiChatModel(new HttpClient(), options, TimeProvider.System, NullLogger<OpenAiChatModel>.Instance);
        var e = await Assert.ThrowsAsync<ProviderException>(() => Collect(model)).DefaultTimeout();
        Assert.True(e.IsTransient);
    }

    [Fact]
    public void Error_in_the_middle_of_a_stream_is_reported()
    {
        var assembler = new ChatStreamAssembler();
        Assert.Throws<ProviderException>(() => assembler.Add("""{"error":{"message":"context length exceeded"}}""", []));
    }

    [Fact]
    public async Task Multi_line_data_events_and_comments_are_handled_by_the_sse_reader()
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes(": keep-alive\r\n\r\ndata: {\"a\":\ndata: 1}\r\n\r\ndata: [DONE]\n\n"));
        var http = new OpenAiHttp(new HttpClient(), new OpenAiOptions(), TimeProvider.System, NullLogger.Instance);
        var reader = new SseLineReader(body, http, "t");
        Assert.Equal("{\"a\":\n1}", await reader.ReadEventAsync(default));
        Assert.Equal("[DONE]", await reader.ReadEventAsync(default));
        Assert.Null(await reader.ReadEventAsync(default));
    }
}
