using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("The LiveKit server. Credentials are environment-variable references such as ${LIVEKIT_API_SECRET}; an inline secret is an error.")]
public sealed class LiveKitSection : ConfigObject
{
    [ConfigKey("url"), Required, Description("LiveKit server URL: wss://, ws://, https:// or http://.")]
    public Located<string>? Url { get; set; }

    [ConfigKey("api_key"), Required, Description("Reference to the variable holding the API key, e.g. ${LIVEKIT_API_KEY}.")]
    public SecretReference? ApiKey { get; set; }

    [ConfigKey("api_secret"), Required, Description("Reference to the variable holding the API secret, e.g. ${LIVEKIT_API_SECRET}.")]
    public SecretReference? ApiSecret { get; set; }
}
