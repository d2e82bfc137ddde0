using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// livekit.Egress's other kinds (web, participant, track composite, the unified StartEgress) and its
/// running-egress updates (layout, stream URLs), on the in-memory state: they start in EGRESS_STARTING like
/// the room composite; nothing is recorded. Grant: roomRecord.
/// </summary>
internal sealed class LoopbackEgressKinds(LoopbackLiveKitState state)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<WebEgressRequest, EgressInfo>(LiveKitApiMethods.StartWebEgress, (c, _) => LoopbackGrants.RoomRecord(c), StartWeb);
        routes.Map<ParticipantEgressRequest, EgressInfo>(LiveKitApiMethods.StartParticipantEgress, (c, _) => LoopbackGrants.RoomRecord(c), StartParticipant);
        routes.Map<TrackCompositeEgressRequest, EgressInfo>(LiveKitApiMethods.StartTrackCompositeEgress, (c, _) => LoopbackGrants.RoomRecord(c), StartTrackComposite);
        routes.Map<StartEgressRequest, EgressInfo>(LiveKitApiMethods.StartEgress, (c, _) => LoopbackGrants.RoomRecord(c), StartUnified);
        routes.Map<UpdateLayoutRequest, EgressInfo>(LiveKitApiMethods.UpdateLayout, (c, _) => LoopbackGrants.RoomRecord(c), r => Update(r.EgressId, _ => { }));
        routes.Map<UpdateStreamRequest, EgressInfo>(LiveKitApiMethods.UpdateStream, (c, _) => LoopbackGrants.RoomRecord(c), r => Update(r.EgressId, _ => { }));
    }

    private EgressInfo StartWeb(WebEgressRequest request) =>
        request.Url.Length == 0 ? throw LoopbackTwirpException.Invalid("url is required") : Start("", new EgressInfo { Web = request });

    private EgressInfo StartParticipant(ParticipantEgressRequest request)
    {
        lock (state.Lock)
        {
            var people = state.Participants.GetValueOrDefault(request.RoomName) ?? throw LoopbackTwirpException.NotFound("requested room does not exist");
            _ = people.GetValueOrDefault(request.Identity) ?? throw LoopbackTwirpException.NotFound("participant does not exist");
            return Start(request.RoomName, new EgressInfo { Participant = request });
        }
    }

    private EgressInfo StartTrackComposite(TrackCompositeEgressRequest request) =>
        request.AudioTrackId.Length == 0 && request.VideoTrackId.Length == 0
            ? throw LoopbackTwirpException.Invalid("an audio or a video track id is required")
            : Start(request.RoomName, new EgressInfo { TrackComposite = request });

    private EgressInfo StartUnified(StartEgressRequest request) =>
        request.Outputs.Count == 0 ? throw LoopbackTwirpException.Invalid("no outputs specified") : Start(request.RoomName, new EgressInfo { Egress = request });

    private EgressInfo Start(string roomName, EgressInfo egress)
    {
        lock (state.Lock)
        {
            if (roomName.Length > 0)
            {
                var room = state.Rooms.GetValueOrDefault(roomName) ?? throw LoopbackTwirpException.NotFound("requested room does not exist");
                egress.RoomId = room.Sid;
                egress.RoomName = room.Name;
            }
            egress.EgressId = LoopbackLiveKitState.NewId("EG_");
            egress.Status = EgressStatus.Starting;
            egress.StartedAt = state.NowNanoseconds();
            egress.UpdatedAt = egress.StartedAt;
            state.Egresses[egress.EgressId] = egress;
            return LoopbackLiveKitState.Copy(egress);
        }
    }

    private EgressInfo Update(string egressId, Action<EgressInfo> change)
    {
        lock (state.Lock)
        {
            var egress = state.Egresses.GetValueOrDefault(egressId) ?? throw LoopbackTwirpException.NotFound("egress does not exist");
            if (egress.Status is not (EgressStatus.Starting or EgressStatus.Active))
            {
                throw new LoopbackTwirpException(TwirpErrorCode.FailedPrecondition, "egress with status " + egress.Status + " cannot be updated");
            }
            change(egress);
            egress.UpdatedAt = state.NowNanoseconds();
            return LoopbackLiveKitState.Copy(egress);
        }
    }
}
