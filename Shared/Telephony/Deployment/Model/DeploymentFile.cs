using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

/// <summary>voice.yaml: the whole SIP/LiveKit deployment of one VoiceFunctions line, as reviewed code.</summary>
[Description("VoiceFunctions deployment file (voice.yaml): LiveKit SIP trunks and dispatch rules, the SIP bridge's own config, MediaHost and control-plane settings.")]
public sealed class DeploymentFile : ConfigObject
{
    public const int CurrentVersion = 1;

    [ConfigKey("version"), Required, Range(1, 1), Description("Format version of this file. Only 1 exists.")]
    public int Version { get; set; }

    [ConfigKey("mode"), Description("production (default) enforces https webhooks; development relaxes that for local runs.")]
    public DeploymentMode Mode { get; set; } = DeploymentMode.Production;

    [ConfigKey("livekit"), Required, Description("The LiveKit server and its API credentials (environment-variable references only).")]
    public LiveKitSection? LiveKit { get; set; }

    [ConfigKey("webhook"), Description("Where livekit-server posts its webhooks (configured on livekit-server, never on the SIP bridge).")]
    public WebhookSection? Webhook { get; set; }

    [ConfigKey("inbound_trunks"), Description("Inbound SIP trunks created in LiveKit through its SIP API: which called numbers and caller addresses they accept.")]
    public List<InboundTrunk> InboundTrunks { get; set; } = [];

    [ConfigKey("outbound_trunks"), Description("Outbound SIP trunks: where LiveKit SIP sends INVITEs (the provider, or the MediaHost for agent dispatch).")]
    public List<OutboundTrunk> OutboundTrunks { get; set; } = [];

    [ConfigKey("dispatch_rules"), Description("Dispatch rules: which LiveKit room an inbound call joins.")]
    public List<DispatchRule> DispatchRules { get; set; } = [];

    [ConfigKey("media_host"), Description("The MediaHost: its SIP address for agent dispatch, health URL, codecs, ports and limits.")]
    public MediaHostSettings? MediaHost { get; set; }

    [ConfigKey("control_plane"), Description("Control plane (Azure Functions) timeouts, retries and alert thresholds.")]
    public ControlPlaneSettings? ControlPlane { get; set; }

    [ConfigKey("agents"), Description("The agents the MediaHost runs: a default agent and per-number profiles (read by the MediaHost at start and on change).")]
    public AgentsSection? Agents { get; set; }

    [ConfigKey("sip_bridge"), Description("The settings of the LiveKit SIP bridge's own config.yaml (voicectl sip bridge-config writes it).")]
    public SipBridgeSettings? SipBridge { get; set; }
}
