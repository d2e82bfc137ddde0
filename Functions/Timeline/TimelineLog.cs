using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Timeline;

internal static partial class TimelineLog
{
    [LoggerMessage(5401, LogLevel.Warning, "Timeline entry {EntryId} of call {CallId} not stored (the call goes on without it): {Problem}")]
    public static partial void NotStored(ILogger logger, string entryId, string callId, string problem);
}
