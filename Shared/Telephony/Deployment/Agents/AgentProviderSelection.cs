namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>The provider names an agent chose per stage; null: the MediaHost's configured provider for that stage.</summary>
public sealed record AgentProviderSelection(string? Stt, string? Llm, string? Tts)
{
    public static readonly AgentProviderSelection HostDefaults = new(null, null, null);
}
