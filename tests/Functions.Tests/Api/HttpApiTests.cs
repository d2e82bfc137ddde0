using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Functions.Tests.Support.ControlPlaneRig;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceFunctions.Functions.Tests.Api;

/// <summary>The health and call-history HTTP API called directly with real HttpRequests.</summary>
public sealed class HttpApiTests
{
    private static HttpRequest Get(string path, string query = "", Action<HttpRequest>? auth = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        auth?.Invoke(context.Request);
        return context.Request;
    }

    private static Action<HttpRequest> Key(string key) => r => r.Headers["x-functions-key"] = key;

    private static async Task<HttpResponseResult> Run(Task<Microsoft.AspNetCore.Mvc.IActionResult> call) => (HttpResponseResult)await call.DefaultTimeout();

    [SkippableFact]
    public async Task Api_refuses_requests_without_a_valid_key_or_token()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var calls = ActivatorUtilities.CreateInstance<CallsApiFunctions>(rig.Services);
        var forged = "Bearer " + new AccessTokenBuilder(new LiveKitCredentials("ops", WebhookTestKit.NewSecret()), TimeProvider.System).ToJwt();

        var none = await Run(calls.List(Get("/api/calls"), CancellationToken.None));
        var wrongKey = await Run(calls.List(Get("/api/calls", auth: Key("not-the-key")), CancellationToken.None));
        var wrongToken = await Run(calls.List(Get("/api/calls", auth: r => r.Headers.Authorization = forged), CancellationToken.None));

        Assert.Equal([401, 401, 401], new[] { none.Status, wrongKey.Status, wrongToken.Status });
        Assert.Contains("signature", wrongToken.BodyText);
    }

    [SkippableFact]
    public async Task Calls_are_listed_by_day_newest_first_with_paging_and_read_with_their_turns()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var store = rig.Get<CallStore>();
        var day = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await store.CreateAsync(new CallRecord { CallId = "call-" + i, RoomName = "call-" + i, StartedAt = day.AddMinutes(i) });
        }
        await store.AppendTurnAsync(new CallTurn { CallId = "call-3", Sequence = 1, CallerText = "Алло", AgentText = "Добрый день" });
        var calls = ActivatorUtilities.CreateInstance<CallsApiFunctions>(rig.Services);
        var bearer = "Bearer " + new AccessTokenBuilder(new LiveKitCredentials("ops", rig.ApiKeySecret), TimeProvider.System).WithTtl(TimeSpan.FromMinutes(5)).ToJwt();

        var first = await Run(calls.List(Get("/api/calls", "?day=2026-11-20&pageSize=3", Key(rig.ApiKeySecret)), CancellationToken.None));
        var firstJson = JsonDocument.Parse(first.Body).RootElement;
        var token = firstJson.GetProperty("continuation").GetString();
        var second = await Run(calls.List(Get("/api/calls", $"?day=2026-11-20&pageSize=3&continuation={token}", r => r.Headers.Authorization = bearer), CancellationToken.None));
        var one = await Run(calls.Get(Get("/api/calls/call-3", auth: Key(rig.ApiKeySecret)), "call-3", CancellationToken.None));
        var missing = await Run(calls.Get(Get("/api/calls/nope", auth: Key(rig.ApiKeySecret)), "nope", CancellationToken.None));
        var badDay = await Run(calls.List(Get("/api/calls", "?day=20-11-2026", Key(rig.ApiKeySecret)), CancellationToken.None));

        Assert.Equal(200, first.Status);
        Assert.Equal(["call-4", "call-3", "call-2"], firstJson.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("callId").GetString()));
        Assert.Equal(["call-1", "call-0"], JsonDocument.Parse(second.Body).RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("callId").GetString()));
        Assert.Equal("Добрый день", JsonDocument.Parse(one.Body).RootElement.GetProperty("turns")[0].GetProperty("agentText").GetString());
        Assert.Equal(404, missing.Status);
        Assert.Equal(400, badDay.Status);
    }

    [SkippableFact]
    public async Task Calls_API_answers_read_back_as_the_shared_response_types_voicectl_uses()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var store = rig.Get<CallStore>();
        var started = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
        await store.CreateAsync(new CallRecord { CallId = "call-shape", RoomName = "room-shape", CallerNumber = "+79990001122", StartedAt = started, AnsweredAt = started.AddMilliseconds(850) });
        await store.AppendTurnAsync(new CallTurn { CallId = "call-shape", Sequence = 1, CallerText = "Алло", AgentText = "Добрый день", ResponseLatencyMs = 910, Interrupted = true, StartedAt = started.AddSeconds(3) });
        await store.AppendTimelineAsync("call-shape", Shared.Calls.Timeline.TimelineEntries.Webhook("EV_shape", "participant_joined", started));
        var calls = ActivatorUtilities.CreateInstance<CallsApiFunctions>(rig.Services);

        var list = await Run(calls.List(Get("/api/calls", "?day=2026-11-21", Key(rig.ApiKeySecret)), CancellationToken.None));
        var one = await Run(calls.Get(Get("/api/calls/call-shape", auth: Key(rig.ApiKeySecret)), "call-shape", CancellationToken.None));

        var page = JsonSerializer.Deserialize<CallListResponse>(list.Body, CallsApiJson.Options)!;
        Assert.Equal("2026-11-21", page.Day);
        var summary = Assert.Single(page.Calls);
        Assert.Equal(("call-shape", "+79990001122", CallOutcome.InProgress), (summary.CallId, summary.CallerNumber, summary.Outcome));
        Assert.Null(page.Continuation);
        var details = JsonSerializer.Deserialize<CallDetailsResponse>(one.Body, CallsApiJson.Options)!;
        Assert.Equal("room-shape", details.Record.RoomName);
        Assert.Equal(850, details.AgentAnswerLatencyMs);
        var turn = Assert.Single(details.Turns);
        Assert.Equal((1, "Алло", "Добрый день", 910, true), (turn.Sequence, turn.CallerText, turn.AgentText, turn.ResponseLatencyMs, turn.Interrupted));
        Assert.Contains("\"outcome\":\"InProgress\"", list.BodyText);
        Assert.Equal(["participant_joined", "turn 1"], details.Timeline!.Select(e => e.Name));
        Assert.Equal(Shared.Calls.Timeline.TimelineSource.Webhook, details.Timeline![0].Source);
        Assert.Equal(910, details.Timeline[1].Turn!.ResponseLatencyMs);
    }

    [SkippableFact]
    public async Task Health_endpoints_answer_503_before_any_check_and_report_components_after_one()
    {
        await using var rig = await ControlPlaneRig.StartAsync(NoOutboundTrunk);
        var health = ActivatorUtilities.CreateInstance<HealthApiFunctions>(rig.Services);
        var auth = Key(rig.ApiKeySecret);

        var before = await Run(health.Health(Get("/api/health", auth: auth), CancellationToken.None));
        await rig.Get<HealthMonitor>().RunAsync(CancellationToken.None);
        var after = await Run(health.Health(Get("/api/health", auth: auth), CancellationToken.None));
        var detailed = await Run(health.Detailed(Get("/api/health/detailed", auth: auth), CancellationToken.None));
        var livekit = await Run(health.LiveKit(Get("/api/health/livekit", auth: auth), CancellationToken.None));
        var sip = await Run(health.Sip(Get("/api/health/sip", auth: auth), CancellationToken.None));

        Assert.Equal(503, before.Status);
        Assert.Equal(200, after.Status); // degraded (no SIP trunks seeded) is still serving
        Assert.Equal("degraded", JsonDocument.Parse(after.Body).RootElement.GetProperty("status").GetString());
        Assert.Equal(4, JsonDocument.Parse(detailed.Body).RootElement.GetProperty("components").GetArrayLength());
        Assert.Equal("Healthy", JsonDocument.Parse(livekit.Body).RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", JsonDocument.Parse(sip.Body).RootElement.GetProperty("status").GetString());
    }
}
