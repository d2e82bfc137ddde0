using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;
using AI = Microsoft.Extensions.AI;

namespace VoiceFunctions.MediaHost.Providers.Llm;

/// <summary>
/// <see cref="ILanguageModel"/> over any <see cref="IChatClient"/> (OpenAI, Azure OpenAI, Ollama, vLLM through the
/// OpenAI SDK). Tools are offered as declarations only: every tool call — end call, transfer, DTMF and the HTTP
/// tools — comes back to the agent, which decides; nothing is invoked automatically here. A stalled stream is a
/// <see cref="ProviderTimeoutException"/>; a stream that ends without a finish reason counts as broken; the token
/// usage the provider reports is the last update.
/// </summary>
public sealed class ChatClientLanguageModel(IChatClient client, string provider, string model, TimeSpan streamIdleTimeout, TimeProvider time) : ILanguageModel
{
    private static readonly JsonSerializerOptions ArgumentsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Provider => provider;

    public string Model => model;

    public async IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            ModelId = model,
            Tools = [.. request.Tools.Select(t => AIFunctionFactory.CreateDeclaration(t.Name, t.Description, t.ParametersSchema))],
        };
        using var deadline = new StreamIdleDeadline(provider, streamIdleTimeout, time, cancellationToken);
        var updates = client.GetStreamingResponseAsync(Messages(request), options, deadline.Token).GetAsyncEnumerator(deadline.Token);
        var finished = false;
        try
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                    update = updates.Current;
                    deadline.MessageArrived();
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ProviderException)
                {
                    throw deadline.Expired ? deadline.Timeout() : OpenAiErrors.ToProviderException(provider, e);
                }
                finished |= update.FinishReason is not null;
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent { Text.Length: > 0 } text:
                            yield return LanguageModelUpdate.FromText(text.Text);
                            break;
                        case FunctionCallContent call:
                            yield return LanguageModelUpdate.FromToolCall(new ToolCall(call.CallId, call.Name,
                                call.Arguments is { Count: > 0 } args ? JsonSerializer.Serialize(args, ArgumentsJson) : "{}"));
                            break;
                        case UsageContent usage:
                            yield return LanguageModelUpdate.FromUsage(new TokenUsage(usage.Details.InputTokenCount, usage.Details.OutputTokenCount));
                            break;
                    }
                }
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
        if (!finished)
        {
            throw new ProviderException(provider, "the stream ended before its finish reason ([DONE])", isTransient: true);
        }
    }

    /// <summary>The conversation as Microsoft.Extensions.AI messages (assistant tool calls and tool results included).</summary>
    internal static List<AI.ChatMessage> Messages(LanguageModelRequest request)
    {
        var messages = new List<AI.ChatMessage>(request.Messages.Count);
        foreach (var message in request.Messages)
        {
            switch (message.Role)
            {
                case ChatRole.System:
                    messages.Add(new AI.ChatMessage(AI.ChatRole.System, message.Content));
                    break;
                case ChatRole.User:
                    messages.Add(new AI.ChatMessage(AI.ChatRole.User, message.Content));
                    break;
                case ChatRole.Assistant:
                    var contents = new List<AIContent>();
                    if (message.Content.Length > 0)
                    {
                        contents.Add(new TextContent(message.Content));
                    }
                    foreach (var call in message.ToolCalls ?? [])
                    {
                        contents.Add(new FunctionCallContent(call.Id, call.Name, ParseArguments(call.ArgumentsJson)));
                    }
                    messages.Add(new AI.ChatMessage(AI.ChatRole.Assistant, contents));
                    break;
                default:
                    messages.Add(new AI.ChatMessage(AI.ChatRole.Tool, [new FunctionResultContent(message.ToolCallId ?? "", message.Content)]));
                    break;
            }
        }
        return messages;
    }

    private static Dictionary<string, object?>? ParseArguments(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, object?>>(json);
        }
        catch (JsonException)
        {
            return new Dictionary<string, object?> { ["_raw"] = json }; // the model wrote invalid JSON; it is echoed back as it was
        }
    }
}
