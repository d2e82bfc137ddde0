namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// Dispatching the agent failed. Transient failures (LiveKit unreachable, 5xx, 429) are retried by the
/// orchestration's retry policy; permanent ones (bad trunk, no permission) are not, because repeating
/// the same request cannot succeed and, once a SIP call was placed, could dial twice.
/// </summary>
public sealed class AgentDispatchException : Exception
{
    public AgentDispatchException(string message, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}
