using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("Control plane (Azure Functions) behaviour.")]
public sealed class ControlPlaneSettings : ConfigObject
{
    [ConfigKey("agent_join_timeout_seconds"), Range(1, 300), Description("How long the orchestrator waits for the agent to join before retrying. Default 15.")]
    public int AgentJoinTimeoutSeconds { get; set; } = 15;

    [ConfigKey("dispatch_retries"), Range(0, 10), Description("Agent dispatch retries before the fallback. Default 2.")]
    public int DispatchRetries { get; set; } = 2;

    [ConfigKey("fallback_number"), Description("Human number a caller is transferred to when the agent cannot take the call.")]
    public Located<string>? FallbackNumber { get; set; }

    [ConfigKey("api_url"), Description("Base URL of the control plane's HTTP API (voicectl calls).")]
    public Located<string>? ApiUrl { get; set; }

    [ConfigKey("alerts"), Description("Alert thresholds.")]
    public AlertThresholds? Alerts { get; set; }
}
