using System.Net;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>Log messages of the inbound policy (EventIds 3200-3299).</summary>
internal static partial class InboundPolicyLog
{
    [LoggerMessage(3200, LogLevel.Warning, "SIP source {Address} banned for {Duration}: {Reason}")]
    public static partial void Banned(ILogger logger, IPAddress address, string reason, TimeSpan duration);
}
