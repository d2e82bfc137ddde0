using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers;

/// <summary>The LLM through IChatClient (OpenAI SDK) against the loopback server speaking the OpenAI wire format.</summary>
public sealed class ChatClientLanguageModelTests
{
    private static readonly string Key = "test-key-" + Guid.NewGuid().ToString("N");

    internal static ILanguageModel Model(ProviderOptions options, int maxRetries = 0) =>
        new ProviderChainFactory(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance)
            .LanguageModelChain([options], new FailoverOptions { MaxRetries = maxRetries, RetryBaseDelayMs = 1, FirstResultDeadlineMs = 10_000 });

    private static ILanguageModel Model(LoopbackOpenAiServer server, int maxRetries = 0, int idleSeconds = 10) => Model(new ProviderOptions
    {
        Kind = "openai-compatible", Name = "openai-llm", Endpoint = server.BaseUrl, ApiKey = Key, Model = "test-model", StreamIdleTimeoutSeconds = idleSeconds,
    }, maxRetries);

    internal static LanguageModelRequest Request() => new(
        [new ChatMessage(ChatRole.System, "You are a phone agent."), new ChatMessage(ChatRole.User, "Переведите меня на оператора")],
        [new ToolDefinition("transfer_to_human", "Transfer", JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement)],
        "ru-RU");

    internal static async Task<List<LanguageModelUpdate>> Collect(ILanguageModel model, CancellationToken cancellationToken = default)
    {
        var updates = new List<LanguageModelUpdate>();
        await foreach (var u in model.StreamAsync(Request(), cancellationToken))
        {
            updates.Add(u);
        }
        return updates;
    }

    internal static string Chunk(string deltaJson, string? finish = null) =>
        $$"""{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"test-model","choices":[{"index":0,"delta":{{deltaJson}},"finish_reason":{{(finish is null ? "null" : "\"" + finish + "\"")}}}]}""";

    internal static readonly string[] Hello = [Chunk("""{"role":"assistant","content":""}"""), Chunk("""{"content":"Здравствуйте"}"""), Chunk("""{"content":"! Чем"}"""), Chunk("""{"content":" помочь?"}"""), Chunk("{}", "stop"), "[DONE]"];

    [Fact]
    public async Task Content_deltas_stream_in_order_and_the_request_carries_model_messages_tools_and_key()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx, Hello));
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
    public async Task Tool_calls_come_back_to_the_agent_whole_and_are_not_invoked()
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
        Assert.Single(server.Requests); // no automatic invocation and second round: the agent decides
    }

    [Fact]
    public async Task Token_usage_is_the_last_update_and_usage_is_asked_for()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx,
            [Chunk("""{"content":"Да."}"""), Chunk("{}", "stop"), """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"test-model","choices":[],"usage":{"prompt_tokens":42,"completion_tokens":3,"total_tokens":45}}""", "[DONE]"]));
        var updates = await Collect(Model(server)).DefaultTimeout();

        Assert.Equal(new TokenUsage(42, 3), updates[^1].Usage);
        using var body = JsonDocument.Parse(server.Requests.Single().Body);
        Assert.True(body.RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public async Task Azure_classic_deployment_url_carries_api_version_and_api_key_header_not_a_bearer()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx, Hello));
        var updates = await Collect(Model(new ProviderOptions
        {
            Kind = "azure-openai", Endpoint = server.RootUrl, ApiKey = Key, Deployment = "gpt-4o-mini-ru", ApiVersion = "2024-10-21",
        })).DefaultTimeout();

        Assert.Equal("Здравствуйте! Чем помочь?", string.Concat(updates.Select(u => u.Text)));
        var request = server.Requests.Single();
        Assert.Equal("/openai/deployments/gpt-4o-mini-ru/chat/completions", request.Path);
        Assert.Equal("?api-version=2024-10-21", request.Query);
        Assert.Equal(Key, request.ApiKeyHeader);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Azure_v1_endpoint_takes_the_model_in_the_body_and_the_api_key_header()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx, Hello));
        await Collect(Model(new ProviderOptions { Kind = "azure-openai-v1", Endpoint = server.RootUrl, ApiKey = Key, Model = "gpt-4o-mini-ru" })).DefaultTimeout();

        var request = server.Requests.Single();
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal(Key, request.ApiKeyHeader);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("gpt-4o-mini-ru", body.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_keyless_compatible_server_gets_no_authorization_header()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx, Hello));
        await Collect(Model(new ProviderOptions { Kind = "openai-compatible", Endpoint = server.BaseUrl, Model = "qwen2.5" })).DefaultTimeout();
        Assert.Null(server.Requests.Single().Authorization);
    }

    [Fact]
    public async Task Error_json_becomes_a_provider_exception_with_the_server_message_and_no_key()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteErrorAsync(ctx, 400, "model not found"));
        var e = await Assert.ThrowsAsync<ProviderException>(() => Collect(Model(server, maxRetries: 2))).DefaultTimeout();

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
            : LoopbackOpenAiServer.WriteSseAsync(ctx, [Chunk("""{"content":"ok"}"""), Chunk("{}", "stop"), "[DONE]"]));
        var updates = await Collect(Model(server, maxRetries: 2)).DefaultTimeout();
        Assert.Equal("ok", updates.Single().Text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_max_retries_and_the_429_with_its_retry_after_surfaces()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) =>
        {
            ctx.Response.Headers.RetryAfter = "0";
            return LoopbackOpenAiServer.WriteErrorAsync(ctx, 429, "rate limited");
        });
        var e = await Assert.ThrowsAsync<ProviderException>(() => Collect(Model(server, maxRetries: 1))).DefaultTimeout();
        Assert.Equal(429, e.StatusCode);
        Assert.Equal(TimeSpan.Zero, e.RetryAfter);
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
    public async Task A_stream_that_closes_without_a_finish_reason_is_reported_as_broken()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteSseAsync(ctx, [Chunk("""{"content":"Hi"}""")]));
        var e = await Assert.ThrowsAsync<ProviderException>(() => Collect(Model(server))).DefaultTimeout();
        Assert.Contains("finish reason", e.Message);
    }

    [Fact]
    public async Task A_stalled_stream_times_out_with_its_own_exception_type()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync(async (ctx, _) =>
        {
            await LoopbackOpenAiServer.WriteSseAsync(ctx, [Chunk("""{"content":"Hi"}""")]);
            await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted).ContinueWith(_ => { });
        });
        var e = await Assert.ThrowsAsync<ProviderTimeoutException>(() => Collect(Model(server, idleSeconds: 1))).DefaultTimeout();
        Assert.Equal(TimeSpan.FromSeconds(1), e.Timeout);
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
        var model = Model(new ProviderOptions { Kind = "openai-compatible", Endpoint = "http://127.0.0.1:1/v1", Model = "m" });
        var e = await Assert.ThrowsAsync<ProviderException>(() => Collect(model)).DefaultTimeout();
        Assert.True(e.IsTransient);
    }
}
