using System.Net;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Log messages of the SIP user agent (EventIds 3000-3099). Numbers and bodies are never logged.</summary>
internal static partial class SipUserAgentLog
{
    [LoggerMessage(3000, LogLevel.Debug, "SIP input from {Remote} dropped: {Reason}")]
    public static partial void Dropped(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(3001, LogLevel.Information, "SIP request from {Remote} answered 400: {Reason}")]
    public static partial void BadRequest(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(3002, LogLevel.Information, "Call {CallId} arrived (codec {Codec})")]
    public static partial void CallArrived(ILogger logger, string callId, string codec);

    [LoggerMessage(3003, LogLevel.Information, "Call {CallId} offer refused: {Reason}")]
    public static partial void OfferRefused(ILogger logger, string callId, string reason);

    [LoggerMessage(3006, LogLevel.Debug, "SIP from {Remote}: {Message}")]
    public static partial void Received(ILogger logger, IPEndPoint remote, string message);

    [LoggerMessage(3005, LogLevel.Information, "Call {CallId} ended: {Reason} ({Detail})")]
    public static partial void CallEnded(ILogger logger, string callId, string reason, string detail);
}
