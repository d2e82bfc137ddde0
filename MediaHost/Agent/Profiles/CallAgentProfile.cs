using VoiceFunctions.Shared.Telephony.Deployment.Agents;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// The agent chosen for one call: the profile's settings, the number that chose it and the call's variables
/// (given by POST /api/calls, plus the built-in caller, called, call_id and direction).
/// </summary>
/// <param name="Number">The number the profile was chosen by: the called number inbound, the caller ID outbound.</param>
public sealed record CallAgentProfile(AgentSettings Settings, string Number, bool Outbound, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>"default" or the profile's id: recorded on the call.</summary>
    public string ProfileId => Settings.Id;

    /// <summary>Whether this call is recorded, and the consent announcement said before the greeting when it is.</summary>
    public AgentRecordingPolicy Recording => Settings.Recording;

    /// <summary>
    /// Fills the {{name}} placeholders of <paramref name="text"/> (see <see cref="PromptTemplate"/>): the call's value,
    /// else the declared default; <paramref name="callerContext"/> for {{caller_context}}. Names with neither are left
    /// out and added to <paramref name="missing"/>.
    /// </summary>
    public string Fill(string text, string? callerContext, ICollection<string> missing) =>
        PromptTemplate.Fill(text, name => name == PromptTemplate.CallerContextVariable ? callerContext ?? ""
            : Variables.TryGetValue(name, out var value) ? value
            : Settings.Variables.TryGetValue(name, out var fallback) ? fallback
            : null, missing);
}
