namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>An HTTP tool declared under agents.tools.</summary>
public sealed record AgentToolDefinition(string Name, string Description, string Url, int TimeoutSeconds);
