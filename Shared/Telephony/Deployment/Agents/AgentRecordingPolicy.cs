namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>Whether an agent's calls are recorded, and the consent announcement said before the greeting when they are.</summary>
/// <param name="ConsentPhrase">Null or empty: no announcement.</param>
public sealed record AgentRecordingPolicy(bool Enabled, string? ConsentPhrase)
{
    public static readonly AgentRecordingPolicy Off = new(false, null);
}
