namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>Log messages of outbound calling (event ids 7400–7419). Phone numbers are never logged.</summary>
internal static partial class OutboundLog
{
    [LoggerMessage(7400, LogLevel.Information, "Outbound call {CallId}: answered ({Codec})")]
    public static partial void Answered(ILogger logger, string callId, string codec);

    [LoggerMessage(7401, LogLevel.Information, "Outbound call {CallId}: dialling failed with SIP {Status}")]
    public static partial void DialFailed(ILogger logger, string callId, int status);

    [LoggerMessage(7402, LogLevel.Information, "Outbound call {CallId}: no answer before the ring timeout")]
    public static partial void NoAnswer(ILogger logger, string callId);

    [LoggerMessage(7403, LogLevel.Warning, "Outbound call {CallId}: the call handler failed ({Error}); the call is hung up")]
    public static partial void HandlerFailed(ILogger logger, string callId, string error);

    [LoggerMessage(7404, LogLevel.Warning, "Outbound dial request refused: {Why}")]
    public static partial void RequestRefused(ILogger logger, string why);

    [LoggerMessage(7405, LogLevel.Information, "Outbound call {CallId}: answered by {AnsweredBy} after {AfterMs} ms ({Why})")]
    public static partial void AmdDecided(ILogger logger, string callId, VoiceFunctions.MediaHost.Outbound.Amd.AnsweredBy answeredBy, int afterMs, string why);
}
