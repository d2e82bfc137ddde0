using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

public enum DispatchRuleType
{
    [ConfigKey("individual")] Individual,
    [ConfigKey("direct")] Direct,
    [ConfigKey("callee")] Callee,
}
