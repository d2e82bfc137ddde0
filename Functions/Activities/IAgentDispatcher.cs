namespace VoiceFunctions.Functions.Activities;

/// <summary>Brings the agent into a call's room (a SIP call to the MediaHost, or a LiveKit agent dispatch).</summary>
public interface IAgentDispatcher
{
    /// <summary>
    /// Asks for the agent to join <paramref name="roomName"/>. Returns the identity the agent will have in
    /// the room. Throws <see cref="AgentDispatchRejectedException"/> when a retry cannot help; any other
    /// exception is taken as transient and retried by the orchestration's retry policy.
    /// </summary>
    Task<string> DispatchAsync(string callId, string roomName, int attempt, CancellationToken ct);
}
