using System.Text.Json;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>Who said a message in the conversation.</summary>
public enum ChatRole { System, User, Assistant, Tool }

/// <summary>One message of the conversation history.</summary>
/// <param name="ToolCalls">For an assistant message that called tools: the calls it made.</param>
/// <param name="ToolCallId">For a tool message: the call it answers.</param>
public sealed record ChatMessage(ChatRole Role, string Content, IReadOnlyList<ToolCall>? ToolCalls = null, string? ToolCallId = null);

/// <summary>A tool the model may call. <paramref name="ParametersSchema"/> is a JSON Schema object.</summary>
public sealed record ToolDefinition(string Name, string Description, JsonElement ParametersSchema);

/// <summary>A call the model made: its id (echoed back in the tool message), the tool's name and its JSON arguments.</summary>
public sealed record ToolCall(string Id, string Name, string ArgumentsJson);

/// <summary>What the model is asked: the history (system prompt first), the tools on offer and the conversation language.</summary>
public sealed record LanguageModelRequest(IReadOnlyList<ChatMessage> Messages, IReadOnlyList<ToolDefinition> Tools, string Language);

/// <summary>Tokens one model request used, as the provider reported them (null where it did not).</summary>
public sealed record TokenUsage(long? InputTokens, long? OutputTokens);

/// <summary>One piece of the model's streamed answer: text, a complete tool call, or (last) the request's token usage.</summary>
public readonly record struct LanguageModelUpdate(string? Text, ToolCall? ToolCall, TokenUsage? Usage = null)
{
    public static LanguageModelUpdate FromText(string text) => new(text, null);

    public static LanguageModelUpdate FromToolCall(ToolCall call) => new(null, call);

    public static LanguageModelUpdate FromUsage(TokenUsage usage) => new(null, null, usage);
}
