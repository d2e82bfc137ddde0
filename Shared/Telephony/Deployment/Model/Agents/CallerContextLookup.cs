using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

[Description("At call start the MediaHost GETs this URL with the caller, called number and call id as query parameters; the JSON answer enters the prompt.")]
public sealed class CallerContextLookup : ConfigObject
{
    public const int DefaultTimeoutMs = 1500;

    [ConfigKey("url"), Required, Description("http(s) URL of the lookup.")]
    public Located<string>? Url { get; set; }

    [ConfigKey("timeout_ms"), Range(100, 5000), Description("How long the greeting may wait for the answer, in ms. Default 1500; a slower or failed lookup is logged and the call goes on without it.")]
    public int TimeoutMs { get; set; } = DefaultTimeoutMs;

    [ConfigKey("headers"), Description("Request headers whose values come from environment variables (API keys).")]
    public List<SecretHeader> Headers { get; set; } = [];
}
