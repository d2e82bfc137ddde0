using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>livekit.AgentDispatchService (grant roomAdmin of the request's room).</summary>
internal sealed class LoopbackAgentDispatchService(LoopbackLiveKitState state)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<CreateAgentDispatchRequest, AgentDispatch>(LiveKitApiMethods.CreateDispatch, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), Create);
        routes.Map<ListAgentDispatchRequest, ListAgentDispatchResponse>(LiveKitApiMethods.ListDispatch, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), List);
        routes.Map<DeleteAgentDispatchRequest, AgentDispatch>(LiveKitApiMethods.DeleteDispatch, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), Delete);
    }

    private AgentDispatch Create(CreateAgentDispatchRequest request)
    {
        if (request.Room.Length == 0)
        {
            throw LoopbackTwirpException.Invalid("room name is required");
        }
        lock (state.Lock)
        {
            var dispatch = new AgentDispatch
            {
                Id = LoopbackLiveKitState.NewId("AD_"),
                AgentName = request.AgentName,
                Room = request.Room,
                Metadata = request.Metadata,
                RestartPolicy = request.RestartPolicy,
                Deployment = request.Deployment,
                Attributes = request.Attributes,
                State = new AgentDispatchState { CreatedAt = state.NowNanoseconds() },
            };
            state.AgentDispatches[dispatch.Id] = dispatch;
            return LoopbackLiveKitState.Copy(dispatch);
        }
    }

    private ListAgentDispatchResponse List(ListAgentDispatchRequest request)
    {
        lock (state.Lock)
        {
            var items = state.AgentDispatches.Values.Where(d =>
                d.Room == request.Room && (request.DispatchId.Length == 0 || d.Id == request.DispatchId));
            return new ListAgentDispatchResponse { AgentDispatches = items.Select(LoopbackLiveKitState.Copy).ToList() };
        }
    }

    private AgentDispatch Delete(DeleteAgentDispatchRequest request)
    {
        lock (state.Lock)
        {
            var dispatch = state.AgentDispatches.GetValueOrDefault(request.DispatchId);
            if (dispatch is null || dispatch.Room != request.Room)
            {
                throw LoopbackTwirpException.NotFound("dispatch does not exist");
            }
            state.AgentDispatches.Remove(dispatch.Id);
            dispatch.State ??= new AgentDispatchState();
            dispatch.State.DeletedAt = state.NowNanoseconds();
            return dispatch;
        }
    }
}
