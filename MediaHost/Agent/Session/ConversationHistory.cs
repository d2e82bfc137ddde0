using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The conversation as the LLM sees it: the system prompt, then at most <c>maxMessages</c> recent messages.
/// Trimming never leaves a tool result without the assistant message that asked for it.
/// </summary>
public sealed class ConversationHistory(string systemPrompt, int maxMessages)
{
    private readonly List<ChatMessage> _messages = [];

    public IReadOnlyList<ChatMessage> Messages => _messages;

    public void Add(ChatMessage message)
    {
        _messages.Add(message);
        while (_messages.Count > maxMessages || (_messages.Count > 0 && _messages[0].Role == ChatRole.Tool))
        {
            _messages.RemoveAt(0);
        }
    }

    /// <summary>Whether the agent's last words (as heard) asked the caller something: then "угу" is an answer.</summary>
    public bool AgentLastAskedAQuestion()
    {
        for (var i = _messages.Count - 1; i >= 0; i--)
        {
            if (_messages[i].Role == ChatRole.Assistant && _messages[i].Content.Trim().Length > 0)
            {
                return _messages[i].Content.TrimEnd().EndsWith('?');
            }
        }
        return false;
    }

    /// <summary>The messages a request will have once <paramref name="next"/> is added (trimmed the same way), without adding it.</summary>
    public IReadOnlyList<ChatMessage> ForRequestWith(ChatMessage next)
    {
        var copy = new ConversationHistory(systemPrompt, maxMessages);
        foreach (var message in _messages)
        {
            copy.Add(message);
        }
        copy.Add(next);
        return copy.ForRequest();
    }

    /// <summary>The messages for a request: system prompt first.</summary>
    public IReadOnlyList<ChatMessage> ForRequest() => [new ChatMessage(ChatRole.System, systemPrompt), .. _messages];
}
