using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Calls.Quality;
using VoiceFunctions.Shared.Calls.Timeline;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>The MediaHost's quality reports through the AgentEvents function into the record, the timeline and GET /api/calls/{id}, on Azurite.</summary>
public sealed class QualityReportTests : IAsyncLifetime
{
    private const string CallId = "call-quality";
    private AgentEventsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await AgentEventsTestBed.WithRunningCallAsync(CallId);

    public async Task DisposeAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }
    }

    private CallMediaQuality Report(bool final, int packets, double mos, int secondsIn) => new()
    {
        MeasuredAt = _bed.Kit.Time.GetUtcNow().AddSeconds(secondsIn),
        Final = final,
        Codec = "PCMU/8000",
        MediaSeconds = secondsIn,
        FromCaller = new MediaDirectionQuality { Packets = packets, PacketsLost = 15, LossPercent = 1.0, JitterMs = 2.5, ConcealedMs = 300, RFactor = 88.4, Mos = mos },
        ToCaller = new MediaDirectionQuality { Packets = packets + 10 },
    };

    private async Task<int> PostAsync(string id, CallMediaQuality? quality)
    {
        var body = WebhookTestKit.AgentEvent(new AgentEventMessage { Id = id, CallId = CallId, Type = AgentEventType.Quality, OccurredAt = _bed.Kit.Time.GetUtcNow(), Quality = quality });
        var result = await _bed.PostAsync(body, _bed.Kit.SignAgentEvent(body), CallId);
        return result.Status;
    }

    [SkippableFact]
    public async Task Quality_report_is_stored_on_the_record_and_the_timeline_and_returned_by_the_calls_API()
    {
        Assert.Equal(200, await PostAsync("mh-call-quality-quality-1", Report(final: false, packets: 1500, mos: 4.2, secondsIn: 30)));
        Assert.Equal(200, await PostAsync("mh-call-quality-quality-final", Report(final: true, packets: 2000, mos: 4.1, secondsIn: 40)));

        var guard = new ApiAccessGuard(Options.Create(new ApiOptions { Keys = { ["ops"] = "quality-test-key-0123456789abcdef" } }), _bed.Kit.Time);
        var api = new CallsApiFunctions(guard, _bed.Kit.Storage.Store, _bed.Kit.Time);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/calls/" + CallId;
        context.Request.Headers["x-functions-key"] = "quality-test-key-0123456789abcdef";
        var answer = (HttpResponseResult)await api.Get(context.Request, CallId, CancellationToken.None).DefaultTimeout();

        Assert.Equal(200, answer.Status);
        var details = JsonSerializer.Deserialize<CallDetailsResponse>(answer.Body, CallsApiJson.Options)!;
        var quality = details.Record.Quality!;
        Assert.True(quality.Final);
        Assert.Equal((2000L, 15L, 4.1), (quality.FromCaller.Packets, quality.FromCaller.PacketsLost!.Value, quality.FromCaller.Mos!.Value));
        Assert.Equal(2010, quality.ToCaller.Packets);
        Assert.Null(quality.ToCaller.Mos); // no receiver report from the caller: unknown, not a made-up figure
        var entries = details.Timeline!.Where(e => e.Name == "quality").ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(TimelineSource.Agent, e.Source));
        Assert.Contains("from caller: packets 2000, lost 15 (1.0 %), jitter 2.5 ms, concealed 300 ms, MOS 4.10", entries[1].Detail);
        Assert.Contains("to caller: packets 2010, MOS unknown", entries[1].Detail);
        Assert.Empty(_bed.Durable.Raised); // a report is history only: nothing for the orchestration to act on
    }

    [SkippableFact]
    public async Task Periodic_report_that_arrives_after_the_final_one_does_not_replace_it()
    {
        await PostAsync("mh-call-quality-quality-final", Report(final: true, packets: 2000, mos: 4.1, secondsIn: 40));
        await PostAsync("mh-call-quality-quality-1", Report(final: false, packets: 1500, mos: 3.0, secondsIn: 30));

        var record = await _bed.Kit.Storage.Store.GetAsync(CallId);
        Assert.Equal((true, 2000L), (record!.Quality!.Final, record.Quality.FromCaller.Packets));
    }

    [SkippableTheory]
    [InlineData("null", "a quality event needs quality")]
    [InlineData("""{"measuredAt":"2026-12-06T10:00:00Z","codec":"PCMU/8000","fromCaller":{"packets":10,"mos":7},"toCaller":{"packets":10}}""", "quality.fromCaller.mos must be from 1 to 5")]
    [InlineData("""{"measuredAt":"2026-12-06T10:00:00Z","codec":"PCMU/8000","fromCaller":{"packets":10},"toCaller":{"packets":-1}}""", "quality.toCaller.packets must not be negative")]
    [InlineData("""{"measuredAt":"2026-12-06T10:00:00Z","codec":"","fromCaller":{"packets":10},"toCaller":{"packets":1}}""", "quality.codec must be 1 to 40 characters")]
    [InlineData("""{"measuredAt":"2026-12-06T10:00:00Z","codec":"PCMU/8000","fromCaller":{"packets":10,"lossPercent":120},"toCaller":{"packets":1}}""", "quality.fromCaller.lossPercent must be from 0 to 100")]
    public async Task Malformed_quality_report_is_a_400_naming_the_field_and_nothing_is_stored(string quality, string problem)
    {
        var json = $$"""{"id":"mh-q-bad","callId":"{{CallId}}","type":"quality","occurredAt":"2026-12-06T10:00:00Z","quality":{{quality}}}""";
        var body = global::System.Text.Encoding.UTF8.GetBytes(json);

        var result = await _bed.PostAsync(body, _bed.Kit.SignAgentEvent(body), CallId);

        Assert.Equal(400, result.Status);
        Assert.Equal(problem, result.BodyText);
        Assert.Null((await _bed.Kit.Storage.Store.GetAsync(CallId))!.Quality);
    }
}
