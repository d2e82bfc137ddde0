using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

internal static partial class AgentProfilesLog
{
    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Agent profiles loaded from {Path}: {Profiles} profiles besides the default agent")]
    public static partial void Loaded(ILogger logger, string path, int profiles);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "Agent profiles reloaded from {Path}: {Profiles} profiles besides the default agent; new calls use them")]
    public static partial void Reloaded(ILogger logger, string path, int profiles);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Error, Message = "The changed agent profiles in {Path} were refused, the previous ones stay in use: {Problem}")]
    public static partial void Refused(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Information, Message = "Call {CallId} is answered by agent profile {ProfileId}")]
    public static partial void Chosen(ILogger logger, string callId, string profileId);

    [LoggerMessage(EventId = 4405, Level = LogLevel.Warning, Message = "Call {CallId}: agent profile {ProfileId} uses variables the call did not give and that have no default: {Names} (left out of the text)")]
    public static partial void MissingVariables(ILogger logger, string callId, string profileId, string names);

    [LoggerMessage(EventId = 4406, Level = LogLevel.Warning, Message = "Call {CallId}: the caller-context lookup of agent profile {ProfileId} gave nothing: {Why}")]
    public static partial void CallerContextFailed(ILogger logger, string callId, string profileId, string why);

    [LoggerMessage(EventId = 4407, Level = LogLevel.Warning, Message = "Agent profiles: watching {Path} failed; changes are not applied until the MediaHost restarts: {Why}")]
    public static partial void WatchFailed(ILogger logger, string path, string why);
}
