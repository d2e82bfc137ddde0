using System.Globalization;

namespace VoiceFunctions.Shared.Calls.Timeline;

/// <summary>
/// Builds a call's timeline: the stored entries of both planes plus one entry per stored turn, in time order.
/// Entries at the same instant keep a fixed order (by source, then entry id), so the timeline reads the same
/// on every request. The planes' clocks are not synchronised: entries from different machines within a few
/// milliseconds of each other may appear in either order.
/// </summary>
public static class CallTimeline
{
    public static IReadOnlyList<CallTimelineEntry> Merge(IEnumerable<CallTimelineEntry> stored, IEnumerable<CallTurn> turns) =>
        stored.Concat(turns.Select(FromTurn))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Source)
            .ThenBy(e => e.EntryId, StringComparer.Ordinal)
            .ToList();

    public static CallTimelineEntry FromTurn(CallTurn turn) => new()
    {
        EntryId = "turn-" + turn.Sequence.ToString("D6", CultureInfo.InvariantCulture),
        At = turn.StartedAt ?? DateTimeOffset.MinValue,
        Source = TimelineSource.Turn,
        Name = "turn " + turn.Sequence.ToString(CultureInfo.InvariantCulture),
        Detail = TurnLatencies(turn),
        Turn = turn,
    };

    /// <summary>"voice-to-voice 910 ms; STT 210 ms, LLM first token 380 ms, TTS first audio 150 ms; interrupted".</summary>
    public static string TurnLatencies(CallTurn turn)
    {
        var parts = new List<string>();
        if (turn.ResponseLatencyMs is { } v2v)
        {
            parts.Add($"voice-to-voice {v2v} ms");
        }
        var stages = new List<string>();
        if (turn.SttMs is { } stt)
        {
            stages.Add($"STT {stt} ms");
        }
        if (turn.LlmFirstTokenMs is { } llm)
        {
            stages.Add($"LLM first token {llm} ms");
        }
        if (turn.TtsFirstAudioMs is { } tts)
        {
            stages.Add($"TTS first audio {tts} ms");
        }
        if (stages.Count > 0)
        {
            parts.Add(string.Join(", ", stages));
        }
        if (turn.Interrupted)
        {
            parts.Add("interrupted");
        }
        return parts.Count == 0 ? "no latencies reported" : string.Join("; ", parts);
    }
}
