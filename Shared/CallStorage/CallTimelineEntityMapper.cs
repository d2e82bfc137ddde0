using Azure.Data.Tables;
using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Shared.Calls;

/// <summary>Converts timeline entries to and from table entities in the call's partition.</summary>
internal static class CallTimelineEntityMapper
{
    public static TableEntity ToEntity(string callId, CallTimelineEntry entry) =>
        new(CallTableKeys.CallPartition(callId), CallTableKeys.TimelineRowKey(entry.EntryId))
        {
            ["EntryId"] = entry.EntryId,
            ["At"] = entry.At,
            ["Source"] = entry.Source.ToString(),
            ["Name"] = Cut(entry.Name, 100),
            ["Detail"] = Cut(entry.Detail, CallTimelineEntry.MaxDetailLength),
            ["SipStatus"] = entry.SipStatus,
        };

    public static CallTimelineEntry FromEntity(TableEntity e) => new()
    {
        EntryId = e.GetString("EntryId") ?? e.RowKey,
        At = e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        Source = Enum.TryParse<TimelineSource>(e.GetString("Source"), out var source) ? source : TimelineSource.Orchestration,
        Name = e.GetString("Name") ?? "",
        Detail = e.GetString("Detail"),
        SipStatus = e.GetInt32("SipStatus"),
    };

    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..(max - 1)] + "…";
}
