using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// Test double of an OpenAI-compatible chat-completions server (POST /v1/chat/completions with "stream": true):
/// "Authorization: Bearer &lt;key&gt;" (else 401 with the JSON error body), then server-sent events of
/// chat.completion.chunk objects — the role first, the reply a few words per chunk, a chunk with finish_reason
/// "stop", the usage chunk (empty choices) when stream_options.include_usage asks for it — and "data: [DONE]".
/// Refusals (429 with Retry-After, 503) as the script says; a drop sends the role chunk, then cuts the connection
/// before any text; a slow first result holds the first text chunk back.
/// </summary>
internal static class OpenAiChatFake
{
    public static async Task HandleAsync(HttpContext context, FakeScript script)
    {
        Interlocked.Increment(ref script.Sessions);
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        if (!await HttpSpeechFakes.OpenAiAuthorisedAsync(context, script))
        {
            return;
        }
        var root = request.RootElement;
        lock (script.LastLlmMessages)
        {
            script.LastLlmMessages.Clear();
            script.LastLlmMessages.AddRange(root.GetProperty("messages").EnumerateArray()
                .Select(m => m.GetProperty("role").GetString() + ": " + (m.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : "")));
            script.LlmUserMessages.Add(script.LastLlmMessages.LastOrDefault(m => m.StartsWith("user: ", StringComparison.Ordinal))?["user: ".Length..] ?? "");
        }
        var model = root.GetProperty("model").GetString();
        var toolCall = root.GetProperty("messages").EnumerateArray().LastOrDefault().GetProperty("role").GetString() == "user" ? script.LlmToolCall : null;
        var includeUsage = root.TryGetProperty("stream_options", out var so) && so.TryGetProperty("include_usage", out var iu) && iu.GetBoolean();
        context.Response.ContentType = "text/event-stream";
        await SendAsync(context, Chunk(model, """{"role":"assistant","content":""}""", null));
        if (script.Behaviour == FakeBehaviour.DropMidStream)
        {
            await Task.Delay(50);
            context.Abort();
            return;
        }
        await Task.Delay(script.Behaviour == FakeBehaviour.SlowFirstResult ? script.FirstResultDelay : script.LlmFirstTokenDelay, context.RequestAborted);
        foreach (var words in Pieces(script.LlmReply))
        {
            await SendAsync(context, Chunk(model, "{\"content\":" + JsonSerializer.Serialize(words) + "}", null));
        }
        if (toolCall is { } tool)
        {
            // As OpenAI streams a tool call: the id and name first, then the arguments in fragments, finish_reason "tool_calls".
            await SendAsync(context, Chunk(model, $$$"""{"tool_calls":[{"index":0,"id":"call_fake_1","type":"function","function":{"name":"{{{tool.Name}}}","arguments":""}}]}""", null));
            var half = tool.ArgumentsJson.Length / 2;
            foreach (var fragment in new[] { tool.ArgumentsJson[..half], tool.ArgumentsJson[half..] })
            {
                await SendAsync(context, Chunk(model, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + JsonSerializer.Serialize(fragment) + "}}]}", null));
            }
        }
        await SendAsync(context, Chunk(model, "{}", toolCall is null ? "\"stop\"" : "\"tool_calls\""));
        if (includeUsage)
        {
            await SendAsync(context, $$$"""{"id":"chatcmpl-fake","object":"chat.completion.chunk","created":1,"model":"{{{model}}}","choices":[],"usage":{"prompt_tokens":57,"completion_tokens":12,"total_tokens":69}}""");
        }
        await SendAsync(context, "[DONE]");
    }

    /// <summary>Two words per chunk, each keeping its following space, as streamed tokens do.</summary>
    private static IEnumerable<string> Pieces(string reply)
    {
        var words = reply.Split(' ');
        for (var i = 0; i < words.Length; i += 2)
        {
            yield return string.Join(' ', words.Skip(i).Take(2)) + (i + 2 < words.Length ? " " : "");
        }
    }

    private static string Chunk(string? model, string delta, string? finish) =>
        $$"""{"id":"chatcmpl-fake","object":"chat.completion.chunk","created":1,"model":"{{model}}","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{finish ?? "null"}}}]}""";

    private static async Task SendAsync(HttpContext context, string data)
    {
        await context.Response.WriteAsync("data: " + data + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
