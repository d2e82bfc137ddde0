using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>livekit.Egress (grant roomRecord). Egresses start in EGRESS_STARTING and stop to EGRESS_ENDING; nothing is recorded.</summary>
internal sealed class LoopbackEgressService(LoopbackLiveKitState state)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<RoomCompositeEgressRequest, EgressInfo>(LiveKitApiMethods.StartRoomCompositeEgress, (c, _) => LoopbackGrants.RoomRecord(c), StartRoomComposite);
        routes.Map<TrackEgressRequest, EgressInfo>(LiveKitApiMethods.StartTrackEgress, (c, _) => LoopbackGrants.RoomRecord(c), StartTrack);
        routes.Map<StopEgressRequest, EgressInfo>(LiveKitApiMethods.StopEgress, (c, _) => LoopbackGrants.RoomRecord(c), Stop);
        routes.Map<ListEgressRequest, ListEgressResponse>(LiveKitApiMethods.ListEgress, (c, _) => LoopbackGrants.RoomRecord(c), List);
    }

    private EgressInfo StartRoomComposite(RoomCompositeEgressRequest request)
    {
        if (request.FileOutputs.Count == 0)
        {
            throw LoopbackTwirpException.Invalid("no outputs specified");
        }
        lock (state.Lock)
        {
            var room = state.Rooms.GetValueOrDefault(request.RoomName) ?? throw LoopbackTwirpException.NotFound("requested room does not exist");
            return Start(new EgressInfo { RoomId = room.Sid, RoomName = room.Name, RoomComposite = request });
        }
    }

    private EgressInfo StartTrack(TrackEgressRequest request)
    {
        if ((request.File is null) == (request.WebsocketUrl is null))
        {
            throw LoopbackTwirpException.Invalid("exactly one output (file or websocket_url) is required");
        }
        if (request.WebsocketUrl is { } url && !(url.StartsWith("ws://", StringComparison.Ordinal) || url.StartsWith("wss://", StringComparison.Ordinal)))
        {
            throw LoopbackTwirpException.Invalid("websocket_url must start with ws:// or wss://");
        }
        lock (state.Lock)
        {
            var room = state.Rooms.GetValueOrDefault(request.RoomName) ?? throw LoopbackTwirpException.NotFound("requested room does not exist");
            var hasTrack = state.Participants[room.Name].Values.Any(p => p.Tracks.Any(t => t.Sid == request.TrackId));
            if (!hasTrack)
            {
                throw LoopbackTwirpException.NotFound("track not found");
            }
            return Start(new EgressInfo { RoomId = room.Sid, RoomName = room.Name, Track = request });
        }
    }

    private EgressInfo Start(EgressInfo egress)
    {
        egress.EgressId = LoopbackLiveKitState.NewId("EG_");
        egress.Status = EgressStatus.Starting;
        egress.StartedAt = state.NowNanoseconds();
        egress.UpdatedAt = egress.StartedAt;
        state.Egresses[egress.EgressId] = egress;
        return LoopbackLiveKitState.Copy(egress);
    }

    private EgressInfo Stop(StopEgressRequest request)
    {
        lock (state.Lock)
        {
            var egress = state.Egresses.GetValueOrDefault(request.EgressId) ?? throw LoopbackTwirpException.NotFound("egress does not exist");
            if (egress.Status is not (EgressStatus.Starting or EgressStatus.Active))
            {
                throw new LoopbackTwirpException(TwirpErrorCode.FailedPrecondition, "egress with status " + egress.Status + " cannot be stopped");
            }
            egress.Status = EgressStatus.Ending;
            egress.UpdatedAt = state.NowNanoseconds();
            return LoopbackLiveKitState.Copy(egress);
        }
    }

    private ListEgressResponse List(ListEgressRequest request)
    {
        lock (state.Lock)
        {
            var items = state.Egresses.Values.Where(e =>
                (request.RoomName.Length == 0 || e.RoomName == request.RoomName) &&
                (request.EgressId.Length == 0 || e.EgressId == request.EgressId) &&
                (!request.Active || e.Status is EgressStatus.Starting or EgressStatus.Active));
            return new ListEgressResponse { Items = items.Select(LoopbackLiveKitState.Copy).ToList() };
        }
    }
}
