using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.SIPHeaderOptions: which SIP headers become sip.h.* attributes.</summary>
public enum SipHeaderOptions
{
    [JsonStringEnumMemberName("SIP_NO_HEADERS")]
    NoHeaders = 0,
    [JsonStringEnumMemberName("SIP_X_HEADERS")]
    XHeaders = 1,
    [JsonStringEnumMemberName("SIP_ALL_HEADERS")]
    AllHeaders = 2,
}
