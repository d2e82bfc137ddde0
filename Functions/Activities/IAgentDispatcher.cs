namespace VoiceFunctions.Functions.Activities;

/// <summary>Brings the agent into a call's room (a SIP call to the MediaHost, or a LiveKit agent dispatch).</summary>
public interface IAgentDispatcher
{
    /// <summary>
    /// Asks for the agent to join <paramref name="roomName"/>. Returns the identity the agent will have in
    /// the room. Throws <see cref="AgentDispatchException"/>; its <see cref="AgentDispatchException.IsTransient"/>
    /// says whether trying again can help.
    /// </summary>
    Task<string> DispatchAsync(string callId, string roomName, int attempt, CancellationToken ct);
}
