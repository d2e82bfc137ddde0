using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// What the agent's call handler asks of the profiles: which agent answers a call, the caller context, and the
/// session's settings and dependencies for that agent.
/// </summary>
public sealed class AgentProfiles(AgentProfileSelector selector, CallerContextClient callerContext, ProfiledAgentFactory factory, ILogger<AgentProfiles> logger)
{
    /// <summary>Chooses the call's agent and tells a reporting call (so the answer is recorded with the profile id).</summary>
    public CallAgentProfile Choose(IIncomingCall call)
    {
        var profile = selector.Choose(call.Call);
        AgentProfilesLog.Chosen(logger, call.Call.CallId, profile.ProfileId);
        (call as IAgentProfileRecorder)?.AgentProfileChosen(profile.ProfileId);
        return profile;
    }

    /// <summary>The caller context, or null (no lookup, failed, slower than its timeout). Never throws but for cancellation.</summary>
    public Task<string?> LookUpCallerContextAsync(CallAgentProfile profile, string callId, CancellationToken cancellationToken) =>
        profile.Settings.CallerContext is null ? Task.FromResult<string?>(null) : callerContext.LookUpAsync(profile, callId, cancellationToken);

    /// <summary>The session's settings and dependencies for the chosen agent; variables left out are logged by name.</summary>
    public (AiLoopOptions Options, AgentDependencies Dependencies) Build(CallAgentProfile profile, string callId, string? context, AgentDependencies host)
    {
        var missing = new List<string>();
        var options = factory.OptionsFor(profile, context, missing);
        if (missing.Count > 0)
        {
            AgentProfilesLog.MissingVariables(logger, callId, profile.ProfileId, string.Join(", ", missing));
        }
        return (options, factory.DependenciesFor(profile, host));
    }
}
