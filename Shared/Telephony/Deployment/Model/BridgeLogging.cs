using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

public sealed class BridgeLogging : ConfigObject
{
    [ConfigKey("level"), Description("debug, info, warn or error. Default info.")]
    public Located<string>? Level { get; set; }
}
