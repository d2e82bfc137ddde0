using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>Call recording's log messages (no upload URL: it carries a signature).</summary>
internal static partial class RecordingLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Recording call {CallId} to {Path} at {SampleRate} Hz")]
    public static partial void Started(ILogger logger, string callId, string path, int sampleRate);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Recorded call {CallId}: {Seconds:0.0} s, {Bytes} bytes, {LostChunks} chunk(s) lost to a slow disk")]
    public static partial void Finished(ILogger logger, string callId, double seconds, long bytes, int lostChunks);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Uploaded the recording of call {CallId} to {Location} (attempt {Attempt}); local file removed")]
    public static partial void Uploaded(ILogger logger, string callId, string location, int attempt);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Upload attempt {Attempt} of the recording of call {CallId} failed: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string callId, int attempt, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "The recording of call {CallId} could not be uploaded after {Attempts} attempt(s): {Reason}; the file stays at {Path}")]
    public static partial void GaveUp(ILogger logger, string callId, int attempts, string reason, string path);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "The recording of call {CallId} failed and is not uploaded: {Reason}")]
    public static partial void RecordingFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "The upload queue is full: the recording of call {CallId} stays at {Path}")]
    public static partial void QueueFull(ILogger logger, string callId, string path);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "The consent announcement of call {CallId} could not be played ({Reason}); the call is not recorded")]
    public static partial void ConsentFailed(ILogger logger, string callId, string reason);
}
