namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>A named transfer target (sip:, sips: or tel: URI).</summary>
public sealed record AgentTransfer(string Name, string Uri);
