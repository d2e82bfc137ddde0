using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>
/// Exactly the grant one API method needs (wire reference §2.6), which the per-request token carries and
/// nothing more: a leaked token can do only that one kind of thing, for ten minutes.
/// </summary>
public sealed record TwirpGrant(VideoGrant? Video, SipGrant? Sip)
{
    /// <summary>CreateRoom, DeleteRoom.</summary>
    public static TwirpGrant RoomCreate() => new(new VideoGrant { RoomCreate = true }, null);

    /// <summary>ListRooms.</summary>
    public static TwirpGrant RoomList() => new(new VideoGrant { RoomList = true }, null);

    /// <summary>Participant and room-metadata methods, and agent dispatch: admin of that one room.</summary>
    public static TwirpGrant RoomAdmin(string room) => new(new VideoGrant { RoomAdmin = true, Room = room }, null);

    /// <summary>ForwardParticipant, MoveParticipant: admin of the room the participant is in, and the room it goes to.</summary>
    public static TwirpGrant RoomAdminTo(string room, string destinationRoom) =>
        new(new VideoGrant { RoomAdmin = true, Room = room, DestinationRoom = destinationRoom }, null);

    /// <summary>Trunks and dispatch rules.</summary>
    public static TwirpGrant SipAdmin() => new(null, new SipGrant { Admin = true });

    /// <summary>CreateSIPParticipant.</summary>
    public static TwirpGrant SipCall() => new(null, new SipGrant { Call = true });

    /// <summary>TransferSIPParticipant: sip.call plus admin of the room the participant is in.</summary>
    public static TwirpGrant SipCallInRoom(string room) => new(new VideoGrant { RoomAdmin = true, Room = room }, new SipGrant { Call = true });

    /// <summary>Every Egress method.</summary>
    public static TwirpGrant RoomRecord() => new(new VideoGrant { RoomRecord = true }, null);

    /// <summary>Every Ingress method.</summary>
    public static TwirpGrant IngressAdmin() => new(new VideoGrant { IngressAdmin = true }, null);
}
