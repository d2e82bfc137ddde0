using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.LiveKit.Api.Clients;

/// <summary>livekit.AgentDispatchService: ask an agent to join a room. Grant: roomAdmin of that room. Create is never retried (a repeat sends a second agent).</summary>
public sealed class AgentDispatchClient(LiveKitTwirpTransport transport)
{
    public Task<AgentDispatch> CreateDispatchAsync(CreateAgentDispatchRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<CreateAgentDispatchRequest, AgentDispatch>(LiveKitApiMethods.CreateDispatch, request, TwirpGrant.RoomAdmin(request.Room), cancellationToken);

    /// <summary>The room's dispatches, or one of them when <paramref name="dispatchId"/> is given.</summary>
    public async Task<IReadOnlyList<AgentDispatch>> ListDispatchAsync(string room, string? dispatchId = null, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<ListAgentDispatchRequest, ListAgentDispatchResponse>(
            LiveKitApiMethods.ListDispatch, new ListAgentDispatchRequest { Room = room, DispatchId = dispatchId ?? "" }, TwirpGrant.RoomAdmin(room), cancellationToken).ConfigureAwait(false)).AgentDispatches;

    public Task<AgentDispatch> DeleteDispatchAsync(string dispatchId, string room, CancellationToken cancellationToken = default) =>
        transport.CallAsync<DeleteAgentDispatchRequest, AgentDispatch>(
            LiveKitApiMethods.DeleteDispatch, new DeleteAgentDispatchRequest { DispatchId = dispatchId, Room = room }, TwirpGrant.RoomAdmin(room), cancellationToken);
}
