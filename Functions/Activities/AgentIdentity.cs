namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// The room identity of our agent's SIP leg: the agent prefix, the call and the attempt. The webhook
/// mapper recognises the agent by the prefix; the attempt keeps a late answer of an earlier attempt
/// apart from the current one.
/// </summary>
public static class AgentIdentity
{
    public const string DefaultPrefix = "agent-";

    public static string For(string callId, int attempt, string prefix = DefaultPrefix) => $"{prefix}{callId}-{attempt}";
}
