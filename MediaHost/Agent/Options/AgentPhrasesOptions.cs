namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What the agent says on its own. Each empty value takes the built-in text of the conversation language.</summary>
public sealed class AgentPhrasesOptions
{
    public string Greeting { get; set; } = "";
    public string Fallback { get; set; } = "";
    public string Reprompt { get; set; } = "";
    public string Goodbye { get; set; } = "";
    public string Transferring { get; set; } = "";
    public string TransferUnavailable { get; set; } = "";
    public string NotUnderstood { get; set; } = "";

    /// <summary>Said when the call reaches AiLoop:MaxCallSeconds, before the agent hangs up.</summary>
    public string TimeUp { get; set; } = "";
}
