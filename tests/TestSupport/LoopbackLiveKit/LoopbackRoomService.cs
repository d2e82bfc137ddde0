using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>livekit.RoomService on the loopback server's in-memory rooms.</summary>
internal sealed class LoopbackRoomService(LoopbackLiveKitState state)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<CreateRoomRequest, Room>(LiveKitApiMethods.CreateRoom, (c, _) => LoopbackGrants.RoomCreate(c), CreateRoom);
        routes.Map<ListRoomsRequest, ListRoomsResponse>(LiveKitApiMethods.ListRooms, (c, _) => LoopbackGrants.RoomList(c), ListRooms);
        routes.Map<DeleteRoomRequest, LoopbackEmpty>(LiveKitApiMethods.DeleteRoom, (c, _) => LoopbackGrants.RoomCreate(c), DeleteRoom);
        routes.Map<ListParticipantsRequest, ListParticipantsResponse>(LiveKitApiMethods.ListParticipants, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), ListParticipants);
        routes.Map<RoomParticipantIdentity, ParticipantInfo>(LiveKitApiMethods.GetParticipant, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), GetParticipant);
        routes.Map<RoomParticipantIdentity, LoopbackEmpty>(LiveKitApiMethods.RemoveParticipant, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), RemoveParticipant);
        routes.Map<MuteRoomTrackRequest, MuteRoomTrackResponse>(LiveKitApiMethods.MutePublishedTrack, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), MuteTrack);
        routes.Map<UpdateParticipantRequest, ParticipantInfo>(LiveKitApiMethods.UpdateParticipant, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), UpdateParticipant);
        routes.Map<UpdateRoomMetadataRequest, Room>(LiveKitApiMethods.UpdateRoomMetadata, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), UpdateRoomMetadata);
        routes.Map<SendDataRequest, LoopbackEmpty>(LiveKitApiMethods.SendData, (c, r) => LoopbackGrants.RoomAdmin(c, r.Room), SendData);
    }

    private Room CreateRoom(CreateRoomRequest request)
    {
        if (request.Name.Length == 0)
        {
            throw LoopbackTwirpException.Invalid("room name cannot be empty");
        }
        lock (state.Lock)
        {
            var exists = state.Rooms.ContainsKey(request.Name);
            var room = state.GetOrCreateRoom(request.Name, request.Metadata);
            if (!exists)
            {
                room.EmptyTimeout = request.EmptyTimeout == 0 ? room.EmptyTimeout : request.EmptyTimeout;
                room.DepartureTimeout = request.DepartureTimeout == 0 ? room.DepartureTimeout : request.DepartureTimeout;
                room.MaxParticipants = request.MaxParticipants;
            }
            return LoopbackLiveKitState.Copy(room);
        }
    }

    private ListRoomsResponse ListRooms(ListRoomsRequest request)
    {
        lock (state.Lock)
        {
            var rooms = state.Rooms.Values.Where(r => request.Names.Count == 0 || request.Names.Contains(r.Name));
            return new ListRoomsResponse { Rooms = rooms.Select(LoopbackLiveKitState.Copy).ToList() };
        }
    }

    private LoopbackEmpty DeleteRoom(DeleteRoomRequest request)
    {
        lock (state.Lock)
        {
            if (!state.Rooms.Remove(request.Room))
            {
                throw LoopbackTwirpException.NotFound("requested room does not exist");
            }
            state.Participants.Remove(request.Room);
            return new LoopbackEmpty();
        }
    }

    private ListParticipantsResponse ListParticipants(ListParticipantsRequest request)
    {
        lock (state.Lock)
        {
            return new ListParticipantsResponse { Participants = PeopleOf(request.Room).Values.Select(LoopbackLiveKitState.Copy).ToList() };
        }
    }

    private ParticipantInfo GetParticipant(RoomParticipantIdentity request)
    {
        lock (state.Lock)
        {
            return LoopbackLiveKitState.Copy(Find(request.Room, request.Identity));
        }
    }

    private LoopbackEmpty RemoveParticipant(RoomParticipantIdentity request)
    {
        lock (state.Lock)
        {
            Find(request.Room, request.Identity);
            PeopleOf(request.Room).Remove(request.Identity);
            state.RefreshCounts(request.Room);
            return new LoopbackEmpty();
        }
    }

    private MuteRoomTrackResponse MuteTrack(MuteRoomTrackRequest request)
    {
        lock (state.Lock)
        {
            var track = Find(request.Room, request.Identity).Tracks.FirstOrDefault(t => t.Sid == request.TrackSid)
                ?? throw LoopbackTwirpException.NotFound("track is not found");
            track.Muted = request.Muted;
            return new MuteRoomTrackResponse { Track = LoopbackLiveKitState.Copy(track) };
        }
    }

    private ParticipantInfo UpdateParticipant(UpdateParticipantRequest request)
    {
        lock (state.Lock)
        {
            var participant = Find(request.Room, request.Identity);
            if (request.Metadata.Length > 0)
            {
                participant.Metadata = request.Metadata;
            }
            if (request.Name.Length > 0)
            {
                participant.Name = request.Name;
            }
            if (request.Permission is not null)
            {
                participant.Permission = request.Permission;
            }
            foreach (var (key, value) in request.Attributes)
            {
                // LiveKit: an attribute set to "" is deleted.
                if (value.Length == 0)
                {
                    participant.Attributes.Remove(key);
                }
                else
                {
                    participant.Attributes[key] = value;
                }
            }
            participant.Version++;
            return LoopbackLiveKitState.Copy(participant);
        }
    }

    private Room UpdateRoomMetadata(UpdateRoomMetadataRequest request)
    {
        lock (state.Lock)
        {
            var room = state.Rooms.GetValueOrDefault(request.Room) ?? throw LoopbackTwirpException.NotFound("requested room does not exist");
            room.Metadata = request.Metadata;
            return LoopbackLiveKitState.Copy(room);
        }
    }

    private LoopbackEmpty SendData(SendDataRequest request)
    {
        lock (state.Lock)
        {
            PeopleOf(request.Room);
            state.DataSent.Add(request);
            return new LoopbackEmpty();
        }
    }

    private Dictionary<string, ParticipantInfo> PeopleOf(string room) =>
        state.Participants.GetValueOrDefault(room) ?? throw LoopbackTwirpException.NotFound("requested room does not exist");

    private ParticipantInfo Find(string room, string identity) =>
        PeopleOf(room).GetValueOrDefault(identity) ?? throw LoopbackTwirpException.NotFound("participant does not exist");
}
