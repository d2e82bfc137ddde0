using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What every part of one call's agent shares: the call, its settings, its dependencies and its phrases.</summary>
internal sealed record AgentCall(ICallSession Session, AiLoopOptions Options, AgentDependencies Deps, AgentPhrases Phrases)
{
    public string CallId => Session.Call.CallId;

    public string Language => Options.Language;

    public TimeProvider Time => Deps.Time;
}
