using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.DisconnectReason.</summary>
public enum DisconnectReason
{
    [JsonStringEnumMemberName("UNKNOWN_REASON")]
    UnknownReason = 0,
    [JsonStringEnumMemberName("CLIENT_INITIATED")]
    ClientInitiated = 1,
    [JsonStringEnumMemberName("DUPLICATE_IDENTITY")]
    DuplicateIdentity = 2,
    [JsonStringEnumMemberName("SERVER_SHUTDOWN")]
    ServerShutdown = 3,
    [JsonStringEnumMemberName("PARTICIPANT_REMOVED")]
    ParticipantRemoved = 4,
    [JsonStringEnumMemberName("ROOM_DELETED")]
    RoomDeleted = 5,
    [JsonStringEnumMemberName("STATE_MISMATCH")]
    StateMismatch = 6,
    [JsonStringEnumMemberName("JOIN_FAILURE")]
    JoinFailure = 7,
    [JsonStringEnumMemberName("MIGRATION")]
    Migration = 8,
    [JsonStringEnumMemberName("SIGNAL_CLOSE")]
    SignalClose = 9,
    [JsonStringEnumMemberName("ROOM_CLOSED")]
    RoomClosed = 10,
    [JsonStringEnumMemberName("USER_UNAVAILABLE")]
    UserUnavailable = 11,
    [JsonStringEnumMemberName("USER_REJECTED")]
    UserRejected = 12,
    [JsonStringEnumMemberName("SIP_TRUNK_FAILURE")]
    SipTrunkFailure = 13,
    [JsonStringEnumMemberName("CONNECTION_TIMEOUT")]
    ConnectionTimeout = 14,
    [JsonStringEnumMemberName("MEDIA_FAILURE")]
    MediaFailure = 15,
    [JsonStringEnumMemberName("AGENT_ERROR")]
    AgentError = 16,
}
