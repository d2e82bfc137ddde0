using System.Net;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>Log messages of the SIP transports (EventIds 3100-3199).</summary>
internal static partial class SipTransportLog
{
    [LoggerMessage(3100, LogLevel.Warning, "SIP {Protocol} send to {Remote} failed: {Reason}")]
    public static partial void SendFailed(ILogger logger, string protocol, IPEndPoint remote, string reason);

    [LoggerMessage(3101, LogLevel.Error, "SIP {Protocol} message from {Remote} could not be handled")]
    public static partial void HandlerFailed(ILogger logger, string protocol, IPEndPoint remote, Exception exception);

    [LoggerMessage(3102, LogLevel.Information, "SIP TCP connection from {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, IPEndPoint remote, string reason);
}
