using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.ParticipantInfo.Kind (5 and 6 are unused).</summary>
public enum ParticipantKind
{
    [JsonStringEnumMemberName("STANDARD")]
    Standard = 0,
    [JsonStringEnumMemberName("INGRESS")]
    Ingress = 1,
    [JsonStringEnumMemberName("EGRESS")]
    Egress = 2,
    [JsonStringEnumMemberName("SIP")]
    Sip = 3,
    [JsonStringEnumMemberName("AGENT")]
    Agent = 4,
    [JsonStringEnumMemberName("CONNECTOR")]
    Connector = 7,
    [JsonStringEnumMemberName("BRIDGE")]
    Bridge = 8,
}
