namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>LiveKit's protobuf enum names, indexed by their numbers (null where a number is unused).</summary>
internal static class ProtoEnumNames
{
    public static readonly string?[] ParticipantKind = ["STANDARD", "INGRESS", "EGRESS", "SIP", "AGENT", null, null, "CONNECTOR", "BRIDGE"];
    public static readonly string?[] ParticipantState = ["JOINING", "JOINED", "ACTIVE", "DISCONNECTED"];
    public static readonly string?[] TrackType = ["AUDIO", "VIDEO", "DATA"];
    public static readonly string?[] TrackSource = ["UNKNOWN", "CAMERA", "MICROPHONE", "SCREEN_SHARE", "SCREEN_SHARE_AUDIO"];
    public static readonly string?[] EgressStatus =
        ["EGRESS_STARTING", "EGRESS_ACTIVE", "EGRESS_ENDING", "EGRESS_COMPLETE", "EGRESS_FAILED", "EGRESS_ABORTED", "EGRESS_LIMIT_REACHED"];
    public static readonly string?[] IngressInput = ["RTMP_INPUT", "WHIP_INPUT", "URL_INPUT"];
    public static readonly string?[] IngressStatus =
        ["ENDPOINT_INACTIVE", "ENDPOINT_BUFFERING", "ENDPOINT_PUBLISHING", "ENDPOINT_ERROR", "ENDPOINT_COMPLETE"];
    public static readonly string?[] DisconnectReason =
    [
        "UNKNOWN_REASON", "CLIENT_INITIATED", "DUPLICATE_IDENTITY", "SERVER_SHUTDOWN", "PARTICIPANT_REMOVED",
        "ROOM_DELETED", "STATE_MISMATCH", "JOIN_FAILURE", "MIGRATION", "SIGNAL_CLOSE", "ROOM_CLOSED",
        "USER_UNAVAILABLE", "USER_REJECTED", "SIP_TRUNK_FAILURE", "CONNECTION_TIMEOUT", "MEDIA_FAILURE", "AGENT_ERROR",
    ];
}
