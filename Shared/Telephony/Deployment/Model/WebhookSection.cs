using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

public sealed class WebhookSection : ConfigObject
{
    [ConfigKey("url"), Required, Description("The control plane's LiveKitWebhook URL; https in production.")]
    public Located<string>? Url { get; set; }
}
