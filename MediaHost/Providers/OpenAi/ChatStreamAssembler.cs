using System.Text;
using System.Text.Json;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Turns the "data:" payloads of a /v1/chat/completions SSE stream into updates: content deltas pass straight
/// through; tool calls arrive in fragments keyed by their index (id and name first, then pieces of the arguments
/// string) and are released whole when the choice finishes or the stream ends. Pure: no I/O.
/// </summary>
public sealed class ChatStreamAssembler
{
    private readonly SortedDictionary<int, PendingCall> _calls = [];

    /// <summary>True once "[DONE]" was seen.</summary>
    public bool Done { get; private set; }

    /// <summary>Adds one data payload; appends the updates it completes to <paramref name="updates"/>.</summary>
    public void Add(string data, List<LanguageModelUpdate> updates)
    {
        if (data == "[DONE]")
        {
            Done = true;
            ReleaseCalls(updates);
            return;
        }
        using var doc = JsonDocument.Parse(data);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() : error.ToString();
            throw new ProviderException("openai-llm", "error in stream: " + message, isTransient: true);
        }
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
        {
            return; // usage-only chunks and keep-alives
        }
        foreach (var choice in choices.EnumerateArray())
        {
            if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
            {
                if (delta.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String && content.GetString() is { Length: > 0 } text)
                {
                    updates.Add(LanguageModelUpdate.FromText(text));
                }
                if (delta.TryGetProperty("tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
                {
                    foreach (var fragment in toolCalls.EnumerateArray())
                    {
                        AddFragment(fragment);
                    }
                }
            }
            if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String)
            {
                ReleaseCalls(updates);
            }
        }
    }

    /// <summary>The stream ended: releases calls still pending (some servers omit finish_reason).</summary>
    public void Complete(List<LanguageModelUpdate> updates) => ReleaseCalls(updates);

    private void AddFragment(JsonElement fragment)
    {
        var index = fragment.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetInt32() : _calls.Count;
        if (!_calls.TryGetValue(index, out var call))
        {
            call = new PendingCall();
            _calls[index] = call;
        }
        if (fragment.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            call.Id = id.GetString();
        }
        if (fragment.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
        {
            if (function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                call.Name.Append(name.GetString());
            }
            if (function.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.String)
            {
                call.Arguments.Append(args.GetString());
            }
        }
    }

    private void ReleaseCalls(List<LanguageModelUpdate> updates)
    {
        foreach (var (index, call) in _calls)
        {
            if (call.Name.Length == 0)
            {
                throw new ProviderException("openai-llm", $"tool call {index} has no function name", isTransient: false);
            }
            var arguments = call.Arguments.Length == 0 ? "{}" : call.Arguments.ToString();
            updates.Add(LanguageModelUpdate.FromToolCall(new ToolCall(call.Id ?? $"call_{index}", call.Name.ToString(), arguments)));
        }
        _calls.Clear();
    }

    private sealed class PendingCall
    {
        public string? Id { get; set; }
        public StringBuilder Name { get; } = new();
        public StringBuilder Arguments { get; } = new();
    }
}
