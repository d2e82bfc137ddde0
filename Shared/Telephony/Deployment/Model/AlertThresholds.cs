using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("When the control plane's health check raises an alert.")]
public sealed class AlertThresholds : ConfigObject
{
    [ConfigKey("failed_call_percent"), Range(0, 100), Description("Alert when more than this percentage of calls in the window fail. Default 20.")]
    public int FailedCallPercent { get; set; } = 20;

    [ConfigKey("answer_latency_ms"), Range(1, 60000), Description("Alert when the median time to the agent's first words exceeds this. Default 2000.")]
    public int AnswerLatencyMs { get; set; } = 2000;

    [ConfigKey("window_minutes"), Range(1, 1440), Description("Window the percentages are computed over. Default 15.")]
    public int WindowMinutes { get; set; } = 15;
}
