using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

public enum DeploymentMode
{
    [ConfigKey("production")] Production,
    [ConfigKey("development")] Development,
}
