using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("The Redis the SIP bridge shares with livekit-server (they talk over it; a different Redis makes every call fail with 503).")]
public sealed class RedisSettings : ConfigObject
{
    [ConfigKey("address"), Required, Description("host:port of the same Redis livekit-server uses.")]
    public Located<string>? Address { get; set; }

    [ConfigKey("username"), Description("Redis user name.")]
    public string? Username { get; set; }

    [ConfigKey("password"), Description("Reference to the variable holding the Redis password.")]
    public SecretReference? Password { get; set; }

    [ConfigKey("db"), Range(0, 15), Description("Redis database number; must equal livekit-server's.")]
    public int Db { get; set; }
}
