using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>The agent's log messages (EventIds 6000–6099). Transcripts and phone numbers are never logged.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(6000, LogLevel.Information, "Agent started on call {CallId} (language {Language})")]
    public static partial void Started(ILogger logger, string callId, string language);

    [LoggerMessage(6001, LogLevel.Information, "Call {CallId}: barge-in during turn {Turn}; {Dropped} queued frames dropped")]
    public static partial void BargeIn(ILogger logger, string callId, int turn, int dropped);

    [LoggerMessage(6002, LogLevel.Information, "Call {CallId}: false interruption in turn {Turn}; {Action}")]
    public static partial void FalseInterruption(ILogger logger, string callId, int turn, string action);

    [LoggerMessage(6003, LogLevel.Warning, "Call {CallId}: provider failure in turn {Turn} ({Kind}): {Message}; speaking the fallback")]
    public static partial void ProviderFailed(ILogger logger, string callId, int turn, string kind, string message);

    [LoggerMessage(6004, LogLevel.Error, "Call {CallId}: unexpected error in turn {Turn}")]
    public static partial void TurnCrashed(ILogger logger, Exception exception, string callId, int turn);

    [LoggerMessage(6005, LogLevel.Information, "Call {CallId}: turn {Turn} ({Trigger}) done; voice-to-voice {VoiceToVoiceMs} ms, interrupted {Interrupted}")]
    public static partial void TurnDone(ILogger logger, string callId, int turn, string trigger, double? voiceToVoiceMs, bool interrupted);

    [LoggerMessage(6006, LogLevel.Information, "Call {CallId}: transfer requested ({Outcome})")]
    public static partial void Transfer(ILogger logger, string callId, string outcome);

    [LoggerMessage(6007, LogLevel.Information, "Call {CallId}: agent ended ({Reason})")]
    public static partial void Ended(ILogger logger, string callId, string reason);

    [LoggerMessage(6008, LogLevel.Warning, "Call {CallId}: turn report failed")]
    public static partial void ReportFailed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(6009, LogLevel.Warning, "Call {CallId}: refused with {Status}: {Reason} (AiLoop:Capacity)")]
    public static partial void CapacityFull(ILogger logger, string callId, string reason, int status);

    [LoggerMessage(6010, LogLevel.Information, "Call {CallId}: turn {Turn} was a backchannel after a statement; not answered")]
    public static partial void BackchannelIgnored(ILogger logger, string callId, int turn);

    [LoggerMessage(6011, LogLevel.Debug, "Call {CallId}: the caller paused; the LLM started on their {Characters} characters before the endpoint")]
    public static partial void PreemptiveStarted(ILogger logger, string callId, int characters);

    [LoggerMessage(6012, LogLevel.Information, "Call {CallId}: turn {Turn} used the answer started before the endpoint ({SavedMs} ms of LLM time saved)")]
    public static partial void PreemptiveUsed(ILogger logger, string callId, int turn, double savedMs);

    [LoggerMessage(6014, LogLevel.Debug, "Call {CallId}: turn ended after {SilenceMs} ms of silence; end of turn judged from {Words} words ({Verdict}; silence asked for {AskedMs} ms), the recogniser had heard the pause: {HeardThePause}, pitch contour {Contour}")]
    public static partial void EndOfTurnJudged(ILogger logger, string callId, int silenceMs, int words, TurnCompleteness verdict, int askedMs, bool heardThePause, PauseContour contour);

    [LoggerMessage(6013, LogLevel.Debug, "Call {CallId}: turn {Turn} timeline (unix ms): end of speech {EndOfSpeechMs}, endpoint {EndpointMs}, transcript {TranscriptMs}, first frame {FirstFrameMs}, first voiced frame {FirstVoicedFrameMs}")]
    public static partial void TurnTimeline(ILogger logger, string callId, int turn, long endOfSpeechMs, long endpointMs, long transcriptMs, long firstFrameMs, long firstVoicedFrameMs);
}
