using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Cli.Tests.Support;

/// <summary>
/// A loopback server for the control plane's call-history API (GET /api/calls, GET /api/calls/{id}, GET
/// /api/calls/{id}/timeline, GET /api/calls/{id}/recording) behind
/// an x-functions-key check. It answers with the functions' own response types (CallListResponse,
/// CallDetailsResponse) serialized with the functions' options (CallsApiJson), and answers 404 with the
/// functions' text. Tests add calls, turns and outcome changes while voicectl reads them.
/// </summary>
public sealed class LoopbackCallsApi : IAsyncDisposable
{
    private readonly List<CallRecord> _calls = [];
    private readonly List<CallTurn> _turns = [];
    private readonly List<(string CallId, CallTimelineEntry Entry)> _timeline = [];
    private readonly Dictionary<string, RecordingLinkResponse> _recordingLinks = new(StringComparer.Ordinal);
    private int _listRequests;
    private LoopbackKeyedApi _server = null!;

    private LoopbackCallsApi()
    {
    }

    public Uri Url => _server.Url;

    /// <summary>Answer like a control plane older than the timeline (no timeline property at all).</summary>
    public bool WithoutTimeline { get; set; }

    public string ApiUrl => _server.ApiUrl;

    public string Key => _server.Key;

    /// <summary>How many times the call list was read (a tail polls it).</summary>
    public int ListRequests => Volatile.Read(ref _listRequests);

    /// <summary>Waits until the list has been read <paramref name="count"/> more times than <paramref name="after"/>.</summary>
    public async Task WaitForListRequestsAsync(int after, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (ListRequests < after + count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    public void AddCall(string id, string caller, CallOutcome outcome, DateTimeOffset started, int? answerMs = null)
    {
        lock (_calls)
        {
            _calls.Add(new CallRecord
            {
                CallId = id,
                RoomName = "call-" + id,
                CallerNumber = caller,
                CalledNumber = "+79952227978",
                StartedAt = started,
                AnsweredAt = answerMs is { } ms ? started.AddMilliseconds(ms) : null,
                Outcome = outcome,
            });
        }
    }

    /// <summary>A stored timeline entry of the call (the control plane merges them with the turns when asked).</summary>
    public void AddTimeline(string id, CallTimelineEntry entry)
    {
        lock (_calls)
        {
            _timeline.Add((id, entry));
        }
    }

    public void AddTurn(string id, int sequence, string callerText, string agentText, int latencyMs, bool interrupted = false,
        DateTimeOffset? startedAt = null, int? sttMs = null, int? llmMs = null, int? ttsMs = null)
    {
        lock (_calls)
        {
            _turns.Add(new CallTurn
            {
                CallId = id, Sequence = sequence, CallerText = callerText, AgentText = agentText,
                ResponseLatencyMs = latencyMs, Interrupted = interrupted, StartedAt = startedAt,
                SttMs = sttMs, LlmFirstTokenMs = llmMs, TtsFirstAudioMs = ttsMs,
            });
            var index = _calls.FindIndex(c => c.CallId == id);
            _calls[index] = _calls[index] with { TurnCount = _turns.Count(t => t.CallId == id) };
        }
    }

    /// <summary>Gives the call a finished recording and the read link GET /api/calls/{id}/recording answers with.</summary>
    public void AddRecording(string id, Uri link, DateTimeOffset expiresAt)
    {
        lock (_calls)
        {
            var index = _calls.FindIndex(c => c.CallId == id);
            _calls[index] = _calls[index] with { Recording = new CallRecording("EG_rec", "Complete", true, link.GetLeftPart(UriPartial.Path), null, expiresAt) };
            _recordingLinks[id] = new RecordingLinkResponse(id, "EG_rec", "Complete", link, expiresAt, 61_000, 48_213);
        }
    }

    public void End(string id, CallOutcome outcome, DateTimeOffset ended)
    {
        lock (_calls)
        {
            var index = _calls.FindIndex(c => c.CallId == id);
            _calls[index] = _calls[index] with { Outcome = outcome, EndedAt = ended, EndReason = CallEndReason.CallerHangUp };
        }
    }

    private IReadOnlyList<CallTimelineEntry> TimelineOf(string id, IReadOnlyList<CallTurn> turns) =>
        CallTimeline.Merge(_timeline.Where(t => t.CallId == id).Select(t => t.Entry), turns);

    private static CallSummary Summary(CallRecord r) => new(r.CallId, r.RoomName, r.StartedAt, r.EndedAt, r.Outcome, r.EndReason, r.CallerNumber,
        r.AgentAnswerLatency is { } latency ? (int)latency.TotalMilliseconds : null, r.Direction);

    private static IResult Json<T>(T value) => LoopbackKeyedApi.Json(value);

    public static async Task<LoopbackCallsApi> StartAsync()
    {
        var api = new LoopbackCallsApi();
        api._server = await LoopbackKeyedApi.StartAsync(api.MapRoutes);
        return api;
    }

    private void MapRoutes(WebApplication app)
    {
        var api = this;
        app.MapGet("/api/calls", () =>
        {
            Interlocked.Increment(ref api._listRequests);
            lock (api._calls)
            {
                var calls = api._calls.OrderByDescending(c => c.StartedAt).Select(Summary).ToList();
                return Json(new CallListResponse("2026-11-25", calls, null));
            }
        });
        app.MapGet("/api/calls/{id}", (string id) =>
        {
            lock (api._calls)
            {
                var record = api._calls.FirstOrDefault(c => c.CallId == id);
                if (record is null)
                {
                    return Results.Text("no call with that id", statusCode: 404);
                }
                var turns = api._turns.Where(t => t.CallId == id).OrderBy(t => t.Sequence).ToList();
                var details = CallDetailsResponse.From(new CallDetails(record, turns) { Timeline = api.TimelineOf(id, turns) });
                return Json(api.WithoutTimeline ? details with { Timeline = null } : details);
            }
        });
        app.MapGet("/api/calls/{id}/recording", (string id) =>
        {
            lock (api._calls)
            {
                return api._recordingLinks.TryGetValue(id, out var link) ? Json(link) : Results.Text("the call has no recording", statusCode: 404);
            }
        });
        app.MapGet("/api/calls/{id}/timeline", (string id) =>
        {
            lock (api._calls)
            {
                var timeline = api.TimelineOf(id, api._turns.Where(t => t.CallId == id).ToList());
                return timeline.Count == 0 ? Results.Text("no call with that id", statusCode: 404) : Json(new CallTimelineResponse(id, timeline));
            }
        });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
