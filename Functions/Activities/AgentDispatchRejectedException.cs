namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// LiveKit refused to dispatch the agent for a reason a retry cannot fix (bad trunk, no permission,
/// invalid request). The orchestration's retry policy does not retry it; the next dispatch attempt or
/// the fallback follows. Transient failures are thrown as they are, and are retried.
/// </summary>
public sealed class AgentDispatchRejectedException(string message, Exception? inner = null) : Exception(message, inner);
