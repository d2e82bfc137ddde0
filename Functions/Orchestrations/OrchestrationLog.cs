using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>Log messages of the call orchestration (event ids 5000–5099), written through the replay-safe logger.</summary>
internal static partial class OrchestrationLog
{
    [LoggerMessage(5001, LogLevel.Warning, "Call {CallId}: dispatch attempt {Attempt} failed: {Error}")]
    public static partial void DispatchFailed(ILogger logger, string callId, int attempt, string error);

    [LoggerMessage(5002, LogLevel.Warning, "Call {CallId}: the agent did not answer dispatch attempt {Attempt} in time")]
    public static partial void AgentDidNotAnswer(ILogger logger, string callId, int attempt);

    [LoggerMessage(5003, LogLevel.Information, "Call {CallId} finished: {Outcome} ({Reason})")]
    public static partial void CallFinished(ILogger logger, string callId, CallOutcome outcome, CallEndReason reason);

    [LoggerMessage(5004, LogLevel.Warning, "Call {CallId}: the recording's state could not be stored: {Error}")]
    public static partial void RecordingNotStored(ILogger logger, string callId, string error);

    [LoggerMessage(5005, LogLevel.Error, "Call {CallId}: the events kept before it ran could not be taken (it goes on with the raised ones): {Error}")]
    public static partial void EarlyEventsNotTaken(ILogger logger, string callId, string error);
}
