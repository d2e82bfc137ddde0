using System.Globalization;
using System.Text.Json;

namespace VoiceFunctions.Cli.Calls;

/// <summary>Call summaries as 80-column table rows, and one call's record and turns.</summary>
public static class CallFormatter
{
    public const string Header = "STARTED (UTC)        CALL ID               CALLER        OUTCOME     ANSWER";

    public static string Row(JsonElement call)
    {
        var started = Time(call, "startedAt");
        var id = Fit(Text(call, "callId"), 21);
        var caller = Fit(Text(call, "callerNumber"), 13);
        var outcome = Fit(Text(call, "outcome"), 11);
        var answer = call.TryGetProperty("agentAnswerLatencyMs", out var ms) && ms.ValueKind == JsonValueKind.Number ? $"{ms.GetDouble():0} ms" : "-";
        return $"{started,-20} {id,-21} {caller,-13} {outcome,-11} {answer}";
    }

    public static IEnumerable<string> Details(JsonElement details)
    {
        var record = details.TryGetProperty("record", out var r) ? r : details;
        foreach (var property in record.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0)
                {
                    continue;
                }
                yield return $"{property.Name}: {property.Value.GetRawText()}";
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                yield return $"{property.Name}: {property.Value}";
            }
        }
        if (details.TryGetProperty("durationSeconds", out var duration) && duration.ValueKind == JsonValueKind.Number)
        {
            yield return $"duration: {duration.GetDouble():0.#} s";
        }
        if (details.TryGetProperty("turns", out var turns) && turns.ValueKind == JsonValueKind.Array)
        {
            yield return $"turns ({turns.GetArrayLength()}):";
            foreach (var turn in turns.EnumerateArray())
            {
                var latency = turn.TryGetProperty("responseLatencyMs", out var l) && l.ValueKind == JsonValueKind.Number ? $" [{l.GetInt32()} ms]" : "";
                var cut = turn.TryGetProperty("interrupted", out var i) && i.ValueKind == JsonValueKind.True ? " (interrupted)" : "";
                yield return $"  {Number(turn, "sequence")}. caller: {Text(turn, "callerText")}";
                yield return $"     agent: {Text(turn, "agentText")}{latency}{cut}";
            }
        }
    }

    public static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "?";

    private static string Time(JsonElement element, string name) =>
        DateTimeOffset.TryParse(Text(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "-";

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
