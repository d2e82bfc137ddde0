using System.Text.Json;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Cli.Tests;

/// <summary>`voicectl calls show` prints the call's timeline across both planes, from the API's real response types.</summary>
public class CallsTimelineCommandTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Environment(LoopbackCallsApi api) => new(CorpusEnvironment.Variables)
    {
        ["VOICEFUNCTIONS_API_URL"] = api.ApiUrl,
        ["VOICEFUNCTIONS_API_KEY"] = api.Key,
    };

    private static SipMessageSummary Sip(int sequence, int ms, string? method = null, int? status = null, string cseq = "INVITE", bool sent = false) => new()
    {
        Leg = "0a1b2c3d4e5f", Sequence = sequence, At = Started.AddMilliseconds(ms), Method = method, Status = status, CSeqMethod = cseq,
        Direction = sent ? SipMessageDirection.Sent : SipMessageDirection.Received,
    };

    /// <summary>A call's stored timeline, added out of order (the API orders it), plus two turns with their latencies.</summary>
    private static async Task<LoopbackCallsApi> ApiWithTimelineAsync()
    {
        var api = await LoopbackCallsApi.StartAsync();
        api.AddCall("CA_tl", "+79990000001", CallOutcome.InProgress, Started, 2100);
        api.AddTimeline("CA_tl", TimelineEntries.Step("finalize", "finalize", Started.AddSeconds(30), "Completed, CallerHangUp: the caller hung up"));
        api.AddTimeline("CA_tl", TimelineEntries.Sip(Sip(4, 2090, method: "ACK", cseq: "ACK")));
        api.AddTimeline("CA_tl", TimelineEntries.Webhook("EV_joined", "participant_joined", Started.AddMilliseconds(5), "CallerJoined"));
        api.AddTimeline("CA_tl", TimelineEntries.Webhook("EV_started", "room_started", Started));
        api.AddTimeline("CA_tl", TimelineEntries.Step("record", "call recorded", Started.AddMilliseconds(40)));
        api.AddTimeline("CA_tl", TimelineEntries.Step("dispatch-1", "dispatch", Started.AddMilliseconds(60), "attempt 1"));
        api.AddTimeline("CA_tl", TimelineEntries.Sip(Sip(1, 900, method: "INVITE")));
        api.AddTimeline("CA_tl", TimelineEntries.Sip(Sip(2, 901, status: 100, sent: true)));
        api.AddTimeline("CA_tl", TimelineEntries.Sip(Sip(3, 2080, status: 200, sent: true)));
        api.AddTimeline("CA_tl", TimelineEntries.Step("answered", "answered", Started.AddMilliseconds(2100), "after 1 dispatch attempt(s)"));
        api.AddTimeline("CA_tl", TimelineEntries.Sip(Sip(5, 29_000, method: "BYE", cseq: "BYE")));
        api.AddTimeline("CA_tl", TimelineEntries.Sip(Sip(6, 29_001, status: 200, cseq: "BYE", sent: true)));
        api.AddTurn("CA_tl", 1, "Здравствуйте", "Добрый день!", 910, startedAt: Started.AddSeconds(5), sttMs: 210, llmMs: 380, ttsMs: 150);
        api.AddTurn("CA_tl", 2, "Спасибо", "До свидания", 640, interrupted: true, startedAt: Started.AddSeconds(12));
        api.End("CA_tl", CallOutcome.Completed, Started.AddSeconds(30));
        return api;
    }

    [Fact]
    public async Task Show_prints_the_timeline_of_both_planes_as_an_ordered_table_in_80_columns()
    {
        await using var api = await ApiWithTimelineAsync();

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "show", "CA_tl");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.IndexOf("timeline (14 entries, UTC, 2026-11-25):");
        Assert.True(header >= 0, result.Output);
        Assert.Matches(@"^  TIME\s+SOURCE\s+WHAT\s+DETAIL$", lines[header + 1]);
        var rows = lines.Skip(header + 2).Where(l => l.Length > 2 && l[2] != ' ').ToList();
        Assert.Equal(
        [
            "room_started", "participant_joined", "call recorded", "dispatch", "INVITE received", "100 sent (INVITE)", "200 sent (INVITE)",
            "ACK received", "answered", "turn 1", "turn 2", "BYE received", "200 sent (BYE)", "finalize",
        ], rows.Select(r => r[(2 + 12 + 1 + 13 + 1)..].Split("  ")[0].Trim()).Where(n => n.Length > 0).Distinct());
        Assert.Matches(@"^  09:00:00\.000 webhook\s+room_started\s+id EV_started$", rows[0]);
        Assert.Matches(@"^  09:00:00\.900 sip\s+INVITE received\s+leg 0a1b2c3d4e5f$", rows[4]);
        Assert.Matches(@"^  09:00:02\.100 orchestration answered\s+after 1 dispatch attempt\(s\)$", rows[8]);
        Assert.Matches(@"^  09:00:05\.000 turn\s+turn 1\s+voice-to-voice 910 ms; STT$", rows[9]);
        // The turn's latencies wrap inside the detail column.
        var turnLine = lines.IndexOf(rows[9]);
        Assert.Equal(new string(' ', 51) + "210 ms, LLM first token 380", lines[turnLine + 1]);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }

    [Fact]
    public async Task Show_json_prints_the_APIs_call_detail_with_its_ordered_timeline()
    {
        await using var api = await ApiWithTimelineAsync();

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "show", "CA_tl", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        OutputSchema.AssertValid("calls-show", result.Output);
        var details = JsonSerializer.Deserialize<CallDetailsResponse>(result.Output, CallsApiJson.Options)!;
        Assert.Equal("CA_tl", details.Record.CallId);
        Assert.Equal(14, details.Timeline!.Count);
        Assert.Equal(details.Timeline.OrderBy(e => e.At).Select(e => e.EntryId), details.Timeline.Select(e => e.EntryId));
        Assert.Equal(TimelineSource.Sip, details.Timeline[4].Source);
        Assert.Equal(200, details.Timeline.Single(e => e.EntryId == "sip-0a1b2c3d4e5f-006").SipStatus);
        Assert.Equal(380, details.Timeline.Single(e => e.Name == "turn 1").Turn!.LlmFirstTokenMs);
        Assert.Contains("\"source\": \"Webhook\"", result.Output);
    }

    [Fact]
    public async Task Show_against_a_control_plane_without_timelines_still_prints_the_call_and_says_so()
    {
        await using var api = await ApiWithTimelineAsync();
        api.WithoutTimeline = true;

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "show", "CA_tl");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("turns (2):", result.Output);
        Assert.Contains("timeline: not available (the control plane predates the timeline)", result.Output);
    }
}
