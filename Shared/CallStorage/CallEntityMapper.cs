using System.Text.Json;
using Azure.Data.Tables;
using VoiceFunctions.Shared.Calls.Quality;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Shared.Calls;

/// <summary>Converts call records, turns and day-index rows to and from table entities.</summary>
internal static class CallEntityMapper
{
    public static TableEntity ToRecordEntity(CallRecord r, string? summaryInline, string? summaryBlob)
    {
        var e = new TableEntity(CallTableKeys.CallPartition(r.CallId), CallTableKeys.RecordRowKey)
        {
            ["CallId"] = r.CallId,
            ["RoomName"] = r.RoomName,
            ["CallerNumber"] = r.CallerNumber,
            ["CalledNumber"] = r.CalledNumber,
            ["Direction"] = r.Direction.ToString(),
            ["TrunkId"] = r.TrunkId,
            ["StartedAt"] = r.StartedAt,
            ["AnsweredAt"] = r.AnsweredAt,
            ["EndedAt"] = r.EndedAt,
            ["Outcome"] = r.Outcome.ToString(),
            ["EndReason"] = r.EndReason.ToString(),
            ["ReasonText"] = Truncate(r.ReasonText, 2_000),
            ["DispatchAttempts"] = r.DispatchAttempts,
            ["TurnCount"] = r.TurnCount,
            ["LatencySamples"] = r.Latency.Samples,
            ["LatencyP50Ms"] = r.Latency.P50Ms,
            ["LatencyP95Ms"] = r.Latency.P95Ms,
            ["LatencyMaxMs"] = r.Latency.MaxMs,
            ["LatencyMeanMs"] = r.Latency.MeanMs,
            ["Summary"] = summaryInline,
            ["SummaryBlob"] = summaryBlob,
            ["ErrorsJson"] = JsonSerializer.Serialize(r.Errors.Select(x => Truncate(x, 500))),
            ["RecordingEgressId"] = r.Recording?.EgressId,
            ["RecordingStatus"] = r.Recording?.Status,
            ["RecordingEnded"] = r.Recording?.Ended,
            ["RecordingLocation"] = Truncate(r.Recording?.Location, 2_000),
            ["RecordingError"] = Truncate(r.Recording?.Error, 2_000),
            ["RecordingUpdatedAt"] = r.Recording?.UpdatedAt,
            ["RecordingDurationMs"] = r.Recording?.Duration is { } d ? (long)d.TotalMilliseconds : null,
            ["RecordingSizeBytes"] = r.Recording?.SizeBytes,
            ["AgentProfile"] = r.AgentProfile,
            ["AnsweredBy"] = r.AnsweredBy,
            ["MediaHostId"] = r.MediaHostId,
            ["TransferTo"] = Truncate(r.TransferTo, 500),
            // One column: the report is small (two directions of a few numbers) and always read whole.
            ["QualityJson"] = r.Quality is { } q ? JsonSerializer.Serialize(q, QualityJson) : null,
        };
        return e;
    }

    public static CallRecord FromRecordEntity(TableEntity e, string? summary) => new()
    {
        CallId = e.GetString("CallId"),
        RoomName = e.GetString("RoomName"),
        CallerNumber = e.GetString("CallerNumber"),
        CalledNumber = e.GetString("CalledNumber"),
        Direction = ReadDirection(e),
        TrunkId = e.GetString("TrunkId"),
        StartedAt = e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        AnsweredAt = e.GetDateTimeOffset("AnsweredAt"),
        EndedAt = e.GetDateTimeOffset("EndedAt"),
        Outcome = Enum.TryParse<CallOutcome>(e.GetString("Outcome"), out var o) ? o : CallOutcome.InProgress,
        EndReason = Enum.TryParse<CallEndReason>(e.GetString("EndReason"), out var r) ? r : CallEndReason.Unknown,
        ReasonText = e.GetString("ReasonText"),
        DispatchAttempts = e.GetInt32("DispatchAttempts") ?? 0,
        TurnCount = e.GetInt32("TurnCount") ?? 0,
        AgentProfile = e.GetString("AgentProfile"),
        AnsweredBy = e.GetString("AnsweredBy"),
        MediaHostId = e.GetString("MediaHostId"),
        Latency = new LatencySummary(
            e.GetInt32("LatencySamples") ?? 0, e.GetInt32("LatencyP50Ms") ?? 0, e.GetInt32("LatencyP95Ms") ?? 0,
            e.GetInt32("LatencyMaxMs") ?? 0, e.GetInt32("LatencyMeanMs") ?? 0),
        Summary = summary,
        Errors = JsonSerializer.Deserialize<string[]>(e.GetString("ErrorsJson") ?? "[]") ?? [],
        Recording = e.GetString("RecordingEgressId") is { } egressId
            ? new CallRecording(egressId, e.GetString("RecordingStatus") ?? "", e.GetBoolean("RecordingEnded") ?? false,
                e.GetString("RecordingLocation"), e.GetString("RecordingError"), e.GetDateTimeOffset("RecordingUpdatedAt") ?? DateTimeOffset.MinValue,
                e.GetInt64("RecordingDurationMs") is { } ms ? TimeSpan.FromMilliseconds(ms) : null, e.GetInt64("RecordingSizeBytes"))
            : null,
        TransferTo = e.GetString("TransferTo"),
        Quality = e.GetString("QualityJson") is { } quality ? JsonSerializer.Deserialize<CallMediaQuality>(quality, QualityJson) : null,
    };

    /// <summary>The JSON of the record's and turns' JSON columns (camelCase).</summary>
    private static readonly JsonSerializerOptions QualityJson = new(JsonSerializerDefaults.Web);

    public static TableEntity ToDayIndexEntity(CallRecord r, int buckets) =>
        new(CallTableKeys.DayPartition(r.StartedAt, r.CallId, buckets), CallTableKeys.DayRowKey(r.StartedAt, r.CallId))
        {
            ["CallId"] = r.CallId,
            ["RoomName"] = r.RoomName,
            ["StartedAt"] = r.StartedAt,
            ["EndedAt"] = r.EndedAt,
            ["Outcome"] = r.Outcome.ToString(),
            ["EndReason"] = r.EndReason.ToString(),
            ["CallerNumber"] = r.CallerNumber,
            ["Direction"] = r.Direction.ToString(),
            ["RemoteNumber"] = r.Direction == CallDirection.Outbound ? r.CalledNumber : r.CallerNumber,
            ["AgentAnswerLatencyMs"] = r.AgentAnswerLatency is { } l ? (int)l.TotalMilliseconds : null,
        };

    public static CallSummary FromDayIndexEntity(TableEntity e) => new(
        e.GetString("CallId"),
        e.GetString("RoomName"),
        e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("EndedAt"),
        Enum.TryParse<CallOutcome>(e.GetString("Outcome"), out var o) ? o : CallOutcome.InProgress,
        Enum.TryParse<CallEndReason>(e.GetString("EndReason"), out var r) ? r : CallEndReason.Unknown,
        e.GetString("CallerNumber"),
        e.GetInt32("AgentAnswerLatencyMs"),
        ReadDirection(e),
        // A row written before the column: the caller for an inbound call; an outbound one's callee is in the record only.
        e.GetString("RemoteNumber") ?? (ReadDirection(e) == CallDirection.Inbound ? e.GetString("CallerNumber") : null));

    /// <summary>A row written before calls had a direction has no such column: all those calls were inbound ones.</summary>
    private static CallDirection ReadDirection(TableEntity e) =>
        Enum.TryParse<CallDirection>(e.GetString("Direction"), out var d) ? d : CallDirection.Inbound;

    public static TableEntity ToTurnEntity(CallTurn t, (string? Inline, string? Blob) caller, (string? Inline, string? Blob) agent) =>
        new(CallTableKeys.CallPartition(t.CallId), CallTableKeys.TurnRowKey(t.Sequence))
        {
            ["Sequence"] = t.Sequence,
            ["CallerText"] = caller.Inline,
            ["CallerTextBlob"] = caller.Blob,
            ["AgentText"] = agent.Inline,
            ["AgentTextBlob"] = agent.Blob,
            ["StartedAt"] = t.StartedAt,
            ["ResponseLatencyMs"] = t.ResponseLatencyMs,
            ["SttMs"] = t.SttMs,
            ["LlmFirstTokenMs"] = t.LlmFirstTokenMs,
            ["TtsFirstAudioMs"] = t.TtsFirstAudioMs,
            ["Interrupted"] = t.Interrupted,
            // One column: a turn has a handful of entries, always read whole (bounded by the agent-event parser).
            ["ProvidersJson"] = t.Providers.Count > 0 ? JsonSerializer.Serialize(t.Providers, QualityJson) : null,
            ["InputTokens"] = t.InputTokens,
            ["OutputTokens"] = t.OutputTokens,
        };

    public static CallTurn FromTurnEntity(string callId, TableEntity e, string? callerText, string? agentText) => new()
    {
        CallId = callId,
        Sequence = e.GetInt32("Sequence") ?? 0,
        CallerText = callerText,
        AgentText = agentText,
        StartedAt = e.GetDateTimeOffset("StartedAt"),
        ResponseLatencyMs = e.GetInt32("ResponseLatencyMs"),
        SttMs = e.GetInt32("SttMs"),
        LlmFirstTokenMs = e.GetInt32("LlmFirstTokenMs"),
        TtsFirstAudioMs = e.GetInt32("TtsFirstAudioMs"),
        Interrupted = e.GetBoolean("Interrupted") ?? false,
        // Turns stored before providers were carried have no such column.
        Providers = e.GetString("ProvidersJson") is { } providers ? JsonSerializer.Deserialize<CallTurnProvider[]>(providers, QualityJson) ?? [] : [],
        InputTokens = e.GetInt64("InputTokens"),
        OutputTokens = e.GetInt64("OutputTokens"),
    };

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max] + "…";
}
