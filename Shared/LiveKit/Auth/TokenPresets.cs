namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// The tokens our users' setup hands out, as builders so a caller can still add name, metadata or
/// attributes before signing.
/// </summary>
public static class TokenPresets
{
    public static readonly TimeSpan ParticipantTtl = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan AdminTtl = TimeSpan.FromHours(1);
    public static readonly TimeSpan SipAdminTtl = TimeSpan.FromHours(1);
    /// <summary>Short, like the per-call tokens LiveKit's SDKs mint for API requests.</summary>
    public static readonly TimeSpan SipCallTtl = TimeSpan.FromMinutes(10);

    /// <summary>Joins <paramref name="room"/> as <paramref name="identity"/>: publish, subscribe, data, own metadata.</summary>
    public static AccessTokenBuilder Participant(LiveKitCredentials credentials, TimeProvider time, string room, string identity)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        return new AccessTokenBuilder(credentials, time)
            .WithIdentity(identity)
            .WithTtl(ParticipantTtl)
            .WithVideoGrant(new VideoGrant
            {
                RoomJoin = true,
                Room = room,
                CanPublish = true,
                CanSubscribe = true,
                CanPublishData = true,
                CanUpdateOwnMetadata = true,
            });
    }

    /// <summary>
    /// Room administration: create, list, record, ingress, and admin of <paramref name="room"/>
    /// (LiveKit only honours roomAdmin for the room named in the token).
    /// </summary>
    public static AccessTokenBuilder Admin(LiveKitCredentials credentials, TimeProvider time, string? room = null) =>
        new AccessTokenBuilder(credentials, time)
            .WithTtl(AdminTtl)
            .WithVideoGrant(new VideoGrant
            {
                RoomCreate = true,
                RoomList = true,
                RoomAdmin = true,
                RoomRecord = true,
                IngressAdmin = true,
                Room = room,
            });

    /// <summary>Manages SIP trunks and dispatch rules.</summary>
    public static AccessTokenBuilder SipAdmin(LiveKitCredentials credentials, TimeProvider time) =>
        new AccessTokenBuilder(credentials, time)
            .WithTtl(SipAdminTtl)
            .WithSipGrant(new SipGrant { Admin = true });

    /// <summary>Places (CreateSIPParticipant) and transfers SIP calls.</summary>
    public static AccessTokenBuilder SipCall(LiveKitCredentials credentials, TimeProvider time) =>
        new AccessTokenBuilder(credentials, time)
            .WithTtl(SipCallTtl)
            .WithSipGrant(new SipGrant { Call = true });
}
