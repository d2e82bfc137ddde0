using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.SIPMediaEncryption (SRTP).</summary>
public enum SipMediaEncryption
{
    [JsonStringEnumMemberName("SIP_MEDIA_ENCRYPT_DISABLE")]
    Disable = 0,
    [JsonStringEnumMemberName("SIP_MEDIA_ENCRYPT_ALLOW")]
    Allow = 1,
    [JsonStringEnumMemberName("SIP_MEDIA_ENCRYPT_REQUIRE")]
    Require = 2,
}
