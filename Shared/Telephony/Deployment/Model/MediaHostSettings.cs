using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("The MediaHost (SIP/RTP + audio AI loop).")]
public sealed class MediaHostSettings : ConfigObject
{
    [ConfigKey("sip_address"), Required, Description("host:port where LiveKit SIP reaches the MediaHost; an outbound trunk with this address carries agent dispatch.")]
    public Located<string>? SipAddress { get; set; }

    [ConfigKey("health_url"), Description("The MediaHost's /health URL, checked by voicectl doctor.")]
    public Located<string>? HealthUrl { get; set; }

    [ConfigKey("codecs"), Description("Codecs by priority, first preferred: PCMU, PCMA, G722, opus, telephone-event.")]
    public List<Located<string>> Codecs { get; set; } = [];

    [ConfigKey("sip_port"), Range(1, 65535), Description("SIP listening port. Default 5060.")]
    public int SipPort { get; set; } = 5060;

    [ConfigKey("rtp_port_min"), Range(1024, 65535), Description("First RTP port. Default 20000.")]
    public Located<int>? RtpPortMin { get; set; }

    [ConfigKey("rtp_port_max"), Range(1024, 65535), Description("Last RTP port. Default 20999.")]
    public Located<int>? RtpPortMax { get; set; }

    public const int DefaultRtpPortMin = 20000;
    public const int DefaultRtpPortMax = 20999;

    [ConfigKey("max_concurrent_calls"), Range(1, 10000), Description("Calls beyond this are refused with 486. Default 20.")]
    public int MaxConcurrentCalls { get; set; } = 20;

    [ConfigKey("max_call_duration_seconds"), Range(10, 86400), Description("A call is ended after this long. Default 3600.")]
    public int MaxCallDurationSeconds { get; set; } = 3600;

    [ConfigKey("language"), Description("Conversation language (BCP 47). Default ru-RU.")]
    public string Language { get; set; } = "ru-RU";
}
