using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// LLM over POST /v1/chat/completions with "stream": true. Retries (bounded) only before the first byte of the
/// stream; once text has streamed, a failure surfaces to the agent, which speaks its fallback.
/// A stream that ends without "[DONE]" counts as broken.
/// </summary>
public sealed class OpenAiChatModel : ILanguageModel
{
    private const string Provider = "openai-llm";
    private readonly OpenAiHttp _http;

    public OpenAiChatModel(HttpClient http, OpenAiOptions options, TimeProvider time, ILogger<OpenAiChatModel> logger) =>
        _http = new OpenAiHttp(http, options, time, logger);

    public async IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = RequestBody(request, _http.Options.Model);
        using var response = await _http.PostAsync(Provider, "chat/completions",
            () => new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } }, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = new SseLineReader(stream, _http, Provider);
        var assembler = new ChatStreamAssembler();
        var updates = new List<LanguageModelUpdate>();
        while (!assembler.Done)
        {
            var data = await reader.ReadEventAsync(cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                throw new ProviderException(Provider, "the stream ended before [DONE]", isTransient: true);
            }
            try
            {
                assembler.Add(data, updates);
            }
            catch (JsonException e)
            {
                throw new ProviderException(Provider, "malformed stream chunk: " + e.Message, isTransient: false, inner: e);
            }
            foreach (var update in updates)
            {
                yield return update;
            }
            updates.Clear();
        }
    }

    /// <summary>The JSON request: model, messages (with tool calls and tool results), tools, stream.</summary>
    internal static byte[] RequestBody(LanguageModelRequest request, string model)
    {
        var buffer = new MemoryStream();
        // Relaxed escaping keeps Cyrillic as UTF-8 rather than \uXXXX: a smaller body, same JSON (not embedded in HTML).
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteBoolean("stream", true);
            json.WriteStartArray("messages");
            foreach (var message in request.Messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role switch
                {
                    ChatRole.System => "system",
                    ChatRole.User => "user",
                    ChatRole.Assistant => "assistant",
                    _ => "tool",
                });
                json.WriteString("content", message.Content);
                if (message.ToolCallId is not null)
                {
                    json.WriteString("tool_call_id", message.ToolCallId);
                }
                if (message.ToolCalls is { Count: > 0 } calls)
                {
                    json.WriteStartArray("tool_calls");
                    foreach (var call in calls)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", call.Id);
                        json.WriteString("type", "function");
                        json.WriteStartObject("function");
                        json.WriteString("name", call.Name);
                        json.WriteString("arguments", call.ArgumentsJson);
                        json.WriteEndObject();
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (request.Tools.Count > 0)
            {
                json.WriteStartArray("tools");
                foreach (var tool in request.Tools)
                {
                    json.WriteStartObject();
                    json.WriteString("type", "function");
                    json.WriteStartObject("function");
                    json.WriteString("name", tool.Name);
                    json.WriteString("description", tool.Description);
                    json.WritePropertyName("parameters");
                    tool.ParametersSchema.WriteTo(json);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
