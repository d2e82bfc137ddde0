using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.SIPTransport.</summary>
public enum SipTransport
{
    [JsonStringEnumMemberName("SIP_TRANSPORT_AUTO")]
    Auto = 0,
    [JsonStringEnumMemberName("SIP_TRANSPORT_UDP")]
    Udp = 1,
    [JsonStringEnumMemberName("SIP_TRANSPORT_TCP")]
    Tcp = 2,
    [JsonStringEnumMemberName("SIP_TRANSPORT_TLS")]
    Tls = 3,
}
