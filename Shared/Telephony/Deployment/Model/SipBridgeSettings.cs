using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("The LiveKit SIP bridge's own config.yaml. Only keys the bridge really reads are allowed here; trunks, routing and webhooks are not among them.")]
public sealed class SipBridgeSettings : ConfigObject
{
    [ConfigKey("redis"), Required, Description("The Redis shared with livekit-server.")]
    public RedisSettings? Redis { get; set; }

    [ConfigKey("sip_port"), Range(1, 65535), Description("The bridge's SIP port. Default 5060.")]
    public int SipPort { get; set; } = 5060;

    [ConfigKey("rtp_port"), Description("RTP port range as one string \"start-end\". Default \"10000-20000\".")]
    public Located<string>? RtpPort { get; set; }

    [ConfigKey("codecs"), Description("Codecs the bridge enables: PCMU, PCMA, G722, opus, telephone-event.")]
    public List<Located<string>> Codecs { get; set; } = [];

    [ConfigKey("logging"), Description("The bridge's logging.")]
    public BridgeLogging? Logging { get; set; }
}
