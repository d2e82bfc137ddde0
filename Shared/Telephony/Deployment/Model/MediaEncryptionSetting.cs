using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

/// <summary>
/// A trunk's SDES-SRTP (LiveKit's trunk media_encryption): off (plain RTP), allowed (SRTP when the far end agrees),
/// required (SRTP or no call). The keys travel in SDP, so pair allowed/required with transport tls.
/// </summary>
public enum MediaEncryptionSetting
{
    [ConfigKey("off")] Off,
    [ConfigKey("allowed")] Allowed,
    [ConfigKey("required")] Required,
}
