using System.Security.Cryptography;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.LiveKit.Api.Clients;

/// <summary>livekit.RoomService: rooms and the participants in them.</summary>
public sealed class RoomServiceClient(LiveKitTwirpTransport transport)
{
    /// <summary>Creates a room, or returns it unchanged when it exists (so it is retried safely). Grant: roomCreate.</summary>
    public Task<Room> CreateRoomAsync(CreateRoomRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<CreateRoomRequest, Room>(LiveKitApiMethods.CreateRoom, request, TwirpGrant.RoomCreate(), cancellationToken);

    /// <summary>Rooms by name; no names = every active room. Grant: roomList.</summary>
    public async Task<IReadOnlyList<Room>> ListRoomsAsync(IEnumerable<string>? names = null, CancellationToken cancellationToken = default)
    {
        var response = await transport.CallAsync<ListRoomsRequest, ListRoomsResponse>(
            LiveKitApiMethods.ListRooms, new ListRoomsRequest { Names = names?.ToList() ?? [] }, TwirpGrant.RoomList(), cancellationToken).ConfigureAwait(false);
        return response.Rooms;
    }

    /// <summary>Closes a room and disconnects everyone. Grant: roomCreate.</summary>
    public Task DeleteRoomAsync(string room, CancellationToken cancellationToken = default) =>
        transport.CallAsync<DeleteRoomRequest, Empty>(LiveKitApiMethods.DeleteRoom, new DeleteRoomRequest { Room = room }, TwirpGrant.RoomCreate(), cancellationToken);

    /// <summary>Grant: roomAdmin of this room.</summary>
    public async Task<IReadOnlyList<ParticipantInfo>> ListParticipantsAsync(string room, CancellationToken cancellationToken = default)
    {
        var response = await transport.CallAsync<ListParticipantsRequest, ListParticipantsResponse>(
            LiveKitApiMethods.ListParticipants, new ListParticipantsRequest { Room = room }, TwirpGrant.RoomAdmin(room), cancellationToken).ConfigureAwait(false);
        return response.Participants;
    }

    /// <summary>Grant: roomAdmin of this room. Throws <see cref="Errors.LiveKitNotFoundException"/> for an unknown identity.</summary>
    public Task<ParticipantInfo> GetParticipantAsync(string room, string identity, CancellationToken cancellationToken = default) =>
        transport.CallAsync<RoomParticipantIdentity, ParticipantInfo>(
            LiveKitApiMethods.GetParticipant, new RoomParticipantIdentity { Room = room, Identity = identity }, TwirpGrant.RoomAdmin(room), cancellationToken);

    /// <summary>Disconnects a participant (hangs up a SIP participant). Grant: roomAdmin of this room.</summary>
    public Task RemoveParticipantAsync(string room, string identity, CancellationToken cancellationToken = default) =>
        transport.CallAsync<RoomParticipantIdentity, Empty>(
            LiveKitApiMethods.RemoveParticipant, new RoomParticipantIdentity { Room = room, Identity = identity }, TwirpGrant.RoomAdmin(room), cancellationToken);

    /// <summary>
    /// Disconnects a participant and stops tokens issued up to <paramref name="revokeTokensIssuedUpTo"/> from
    /// joining again (RoomParticipantIdentity.revokeTokenTs, Unix seconds). Grant: roomAdmin of this room.
    /// </summary>
    public Task RemoveParticipantAsync(string room, string identity, DateTimeOffset revokeTokensIssuedUpTo, CancellationToken cancellationToken = default) =>
        transport.CallAsync<RoomParticipantIdentity, Empty>(
            LiveKitApiMethods.RemoveParticipant,
            new RoomParticipantIdentity { Room = room, Identity = identity, RevokeTokenTs = revokeTokensIssuedUpTo.ToUnixTimeSeconds() },
            TwirpGrant.RoomAdmin(room),
            cancellationToken);

    /// <summary>Makes the participant also appear in <paramref name="destinationRoom"/>. Grant: roomAdmin of both rooms.</summary>
    public Task ForwardParticipantAsync(string room, string identity, string destinationRoom, CancellationToken cancellationToken = default) =>
        transport.CallAsync<ForwardParticipantRequest, Empty>(
            LiveKitApiMethods.ForwardParticipant, new ForwardParticipantRequest { Room = room, Identity = identity, DestinationRoom = destinationRoom },
            TwirpGrant.RoomAdminTo(room, destinationRoom), cancellationToken);

    /// <summary>Moves the participant to <paramref name="destinationRoom"/> without a reconnect. Grant: roomAdmin of both rooms.</summary>
    public Task MoveParticipantAsync(string room, string identity, string destinationRoom, CancellationToken cancellationToken = default) =>
        transport.CallAsync<MoveParticipantRequest, Empty>(
            LiveKitApiMethods.MoveParticipant, new MoveParticipantRequest { Room = room, Identity = identity, DestinationRoom = destinationRoom },
            TwirpGrant.RoomAdminTo(room, destinationRoom), cancellationToken);

    /// <summary>Subscribes a participant to tracks (or unsubscribes it). Grant: roomAdmin of the request's room.</summary>
    public Task UpdateSubscriptionsAsync(UpdateSubscriptionsRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateSubscriptionsRequest, Empty>(
            LiveKitApiMethods.UpdateSubscriptions, request, TwirpGrant.RoomAdmin(request.Room), cancellationToken);

    /// <summary>Calls a method a participant registered and returns its answer's payload. Never retried. Grant: roomAdmin of the room.</summary>
    public async Task<string> PerformRpcAsync(PerformRpcRequest request, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<PerformRpcRequest, PerformRpcResponse>(
            LiveKitApiMethods.PerformRpc, request, TwirpGrant.RoomAdmin(request.Room), cancellationToken).ConfigureAwait(false)).Payload;

    /// <summary>Grant: roomAdmin of this room.</summary>
    public async Task<TrackInfo?> MutePublishedTrackAsync(string room, string identity, string trackSid, bool muted, CancellationToken cancellationToken = default)
    {
        var response = await transport.CallAsync<MuteRoomTrackRequest, MuteRoomTrackResponse>(
            LiveKitApiMethods.MutePublishedTrack,
            new MuteRoomTrackRequest { Room = room, Identity = identity, TrackSid = trackSid, Muted = muted },
            TwirpGrant.RoomAdmin(room),
            cancellationToken).ConfigureAwait(false);
        return response.Track;
    }

    /// <summary>Sets metadata, name, attributes or permission. Grant: roomAdmin of the request's room.</summary>
    public Task<ParticipantInfo> UpdateParticipantAsync(UpdateParticipantRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateParticipantRequest, ParticipantInfo>(
            LiveKitApiMethods.UpdateParticipant, request, TwirpGrant.RoomAdmin(request.Room), cancellationToken);

    /// <summary>Grant: roomAdmin of this room.</summary>
    public Task<Room> UpdateRoomMetadataAsync(string room, string metadata, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateRoomMetadataRequest, Room>(
            LiveKitApiMethods.UpdateRoomMetadata, new UpdateRoomMetadataRequest { Room = room, Metadata = metadata }, TwirpGrant.RoomAdmin(room), cancellationToken);

    /// <summary>
    /// Sends a data packet to the room (or to the listed identities). Never retried: a repeat would
    /// deliver the message twice. A random nonce is added when none is given. Grant: roomAdmin of the room.
    /// </summary>
    public Task SendDataAsync(SendDataRequest request, CancellationToken cancellationToken = default)
    {
        request.Nonce ??= RandomNumberGenerator.GetBytes(16);
        return transport.CallAsync<SendDataRequest, Empty>(LiveKitApiMethods.SendData, request, TwirpGrant.RoomAdmin(request.Room), cancellationToken);
    }
}
