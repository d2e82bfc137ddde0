using System.Globalization;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.Timeline;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Calls;

/// <summary>Call summaries as 80-column table rows, one call's record and turns, its timeline as a table, and turns as tail lines.</summary>
public static class CallFormatter
{
    /// <summary>REMOTE is the other party: the caller of an inbound call, the callee of a call we placed.</summary>
    public const string Header = "STARTED (UTC)        CALL ID              REMOTE        DIR OUTCOME     ANSWER";

    public static string Row(CallSummary call)
    {
        var answer = call.AgentAnswerLatencyMs is { } ms ? $"{ms} ms" : "-";
        return $"{Time(call.StartedAt),-20} {Fit(call.CallId, 20),-20} {Fit(Remote(call) ?? "", 13),-13} {ShortDirection(call.Direction),-3} {Fit(call.Outcome.ToString(), 11),-11} {answer}";
    }

    /// <summary>The other party; a control plane older than the RemoteNumber field sends only the caller, which is the remote party of an inbound call.</summary>
    private static string? Remote(CallSummary call) => call.RemoteNumber ?? (call.Direction == CallDirection.Inbound ? call.CallerNumber : null);

    /// <summary>The list's DIR column: "in" (the caller dialled us) or "out" (we placed the call).</summary>
    public static string ShortDirection(CallDirection direction) => direction == CallDirection.Outbound ? "out" : "in";

    /// <summary>The record's fields that are set, then the turns; nested lines are indented.</summary>
    public static IEnumerable<string> Details(CallDetailsResponse details)
    {
        var record = details.Record;
        yield return $"callId: {record.CallId}";
        yield return $"roomName: {record.RoomName}";
        yield return $"direction: {record.Direction}";
        foreach (var (name, value) in new (string, string?)[]
        {
            ("callerNumber", record.CallerNumber), ("calledNumber", record.CalledNumber), ("trunkId", record.TrunkId),
            ("startedAt", Time(record.StartedAt)), ("answeredAt", Time(record.AnsweredAt)), ("endedAt", Time(record.EndedAt)),
        })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return $"{name}: {value}";
            }
        }
        yield return $"outcome: {record.Outcome}";
        yield return $"endReason: {record.EndReason}" + (string.IsNullOrEmpty(record.ReasonText) ? "" : $" ({record.ReasonText})");
        yield return $"dispatchAttempts: {record.DispatchAttempts}";
        if (details.AgentAnswerLatencyMs is { } answer)
        {
            yield return $"agent answered after: {answer:0} ms";
        }
        if (details.DurationSeconds is { } duration)
        {
            yield return $"duration: {duration.ToString("0.#", CultureInfo.InvariantCulture)} s";
        }
        if (record.Latency.Samples > 0)
        {
            yield return $"response latency: p50 {record.Latency.P50Ms} ms, p95 {record.Latency.P95Ms} ms, max {record.Latency.MaxMs} ms ({record.Latency.Samples} turns)";
        }
        if (record.Quality is { } quality)
        {
            yield return $"media quality ({quality.Codec}, {(quality.Final ? "end of call" : "so far")}"
                + (quality.RoundTripMs is { } rtt ? $", round trip {rtt.ToString("0", CultureInfo.InvariantCulture)} ms" : "") + "):";
            yield return "  from caller: " + Shared.Calls.Quality.CallMediaQuality.Describe(quality.FromCaller);
            yield return "  to caller:   " + Shared.Calls.Quality.CallMediaQuality.Describe(quality.ToCaller);
        }
        if (!string.IsNullOrEmpty(record.Summary))
        {
            yield return $"summary: {record.Summary}";
        }
        foreach (var error in record.Errors)
        {
            yield return $"error: {error}";
        }
        yield return $"turns ({details.Turns.Count}):";
        foreach (var turn in details.Turns)
        {
            yield return $"  {turn.Sequence}. caller: {turn.CallerText}";
            yield return $"     agent: {turn.AgentText}{Latency(turn)}";
            if (ProvidersAndTokens(turn) is { } used)
            {
                yield return $"     {used}";
            }
        }
    }

    /// <summary>The turn's providers (the failed ones with why) and token counts, on one line; null when it has neither.</summary>
    public static string? ProvidersAndTokens(CallTurn turn)
    {
        var parts = new List<string>();
        if (turn.Providers.Count > 0)
        {
            parts.Add("providers: " + string.Join("; ", turn.Providers));
        }
        if (turn.InputTokens is not null || turn.OutputTokens is not null)
        {
            parts.Add($"tokens: {turn.InputTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"} in, {turn.OutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"} out");
        }
        return parts.Count > 0 ? string.Join(" | ", parts) : null;
    }

    /// <summary>Where a timeline row's detail starts; the detail wraps within the columns after it.</summary>
    public const int TimelineDetailColumn = 2 + 12 + 1 + 13 + 1 + 21 + 1;

    /// <summary>
    /// The call's timeline as an ordered table (already wrapped to 80 columns): time (UTC, to the millisecond),
    /// source, what happened, and its detail, which wraps in its own column.
    /// </summary>
    public static IEnumerable<string> TimelineTable(IReadOnlyList<CallTimelineEntry>? timeline)
    {
        if (timeline is null)
        {
            yield return "timeline: not available (the control plane predates the timeline)";
            yield break;
        }
        var day = timeline.Count > 0 ? timeline[0].At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        yield return $"timeline ({timeline.Count} entries, UTC{(day.Length > 0 ? ", " + day : "")}):";
        if (timeline.Count == 0)
        {
            yield break;
        }
        yield return $"  {"TIME",-12} {"SOURCE",-13} {"WHAT",-21} DETAIL";
        foreach (var entry in timeline)
        {
            var prefix = $"  {TimeOfDay(entry.At),-12} {entry.Source.ToString().ToLowerInvariant(),-13} {Fit(entry.Name, 21),-21} ";
            var detail = TextWrap.Wrap(entry.Detail ?? "", Terminal.Width, 0, 0, Terminal.Width - TimelineDetailColumn).ToList();
            yield return (prefix + detail.FirstOrDefault()).TrimEnd();
            foreach (var more in detail.Skip(1))
            {
                yield return new string(' ', TimelineDetailColumn) + more;
            }
        }
    }

    /// <summary>A turn as `calls tail` prints it under the call's row.</summary>
    public static IEnumerable<string> TailTurn(CallTurn turn)
    {
        yield return $"  {turn.CallId} turn {turn.Sequence} caller: {turn.CallerText}";
        yield return $"  {turn.CallId} turn {turn.Sequence} agent: {turn.AgentText}{Latency(turn)}";
    }

    private static string Latency(CallTurn turn) =>
        (turn.ResponseLatencyMs is { } ms ? $" [{ms} ms]" : "") + (turn.Interrupted ? " (interrupted)" : "");

    private static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static string TimeOfDay(DateTimeOffset at) =>
        at == DateTimeOffset.MinValue ? "?" : at.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
