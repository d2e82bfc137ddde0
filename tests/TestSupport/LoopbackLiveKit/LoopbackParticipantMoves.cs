using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// livekit.RoomService's participant routing on the in-memory rooms: ForwardParticipant (also in another room),
/// MoveParticipant (only in the other room), UpdateSubscriptions (accepted for a known participant) and
/// PerformRpc (no participant code runs here, so a known participant's RPC is unavailable).
/// Forward and move need roomAdmin of the room and destinationRoom naming the target, as LiveKit checks.
/// </summary>
internal sealed class LoopbackParticipantMoves(LoopbackLiveKitState state)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<ForwardParticipantRequest, LoopbackEmpty>(LiveKitApiMethods.ForwardParticipant,
            (c, r) => LoopbackGrants.RoomAdminTo(c, r.Room, r.DestinationRoom), r => Copy(r.Room, r.Identity, r.DestinationRoom, keep: true));
        routes.Map<MoveParticipantRequest, LoopbackEmpty>(LiveKitApiMethods.MoveParticipant,
            (c, r) => LoopbackGrants.RoomAdminTo(c, r.Room, r.DestinationRoom), r => Copy(r.Room, r.Identity, r.DestinationRoom, keep: false));
        routes.Map<UpdateSubscriptionsRequest, LoopbackEmpty>(LiveKitApiMethods.UpdateSubscriptions, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), UpdateSubscriptions);
        routes.Map<PerformRpcRequest, PerformRpcResponse>(LiveKitApiMethods.PerformRpc, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), PerformRpc);
    }

    private LoopbackEmpty Copy(string room, string identity, string destination, bool keep)
    {
        lock (state.Lock)
        {
            var participant = Find(room, identity);
            var target = state.Participants.GetValueOrDefault(destination) ?? throw LoopbackTwirpException.NotFound("destination room does not exist");
            if (destination == room)
            {
                throw LoopbackTwirpException.Invalid("destination room must differ from the room");
            }
            target[identity] = LoopbackLiveKitState.Copy(participant);
            if (!keep)
            {
                state.Participants[room].Remove(identity);
                state.RefreshCounts(room);
            }
            state.RefreshCounts(destination);
            return new LoopbackEmpty();
        }
    }

    private LoopbackEmpty UpdateSubscriptions(UpdateSubscriptionsRequest request)
    {
        lock (state.Lock)
        {
            Find(request.Room, request.Identity);
            return new LoopbackEmpty();
        }
    }

    private PerformRpcResponse PerformRpc(PerformRpcRequest request)
    {
        lock (state.Lock)
        {
            Find(request.Room, request.DestinationIdentity);
            throw new LoopbackTwirpException(TwirpErrorCode.Unavailable, "no participant code runs on the loopback server to answer the RPC");
        }
    }

    private ParticipantInfo Find(string room, string identity) =>
        (state.Participants.GetValueOrDefault(room) ?? throw LoopbackTwirpException.NotFound("requested room does not exist"))
            .GetValueOrDefault(identity) ?? throw LoopbackTwirpException.NotFound("participant does not exist");
}
