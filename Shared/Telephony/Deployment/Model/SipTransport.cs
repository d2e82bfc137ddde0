using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

public enum SipTransport
{
    [ConfigKey("auto")] Auto,
    [ConfigKey("udp")] Udp,
    [ConfigKey("tcp")] Tcp,
    [ConfigKey("tls")] Tls,
}
