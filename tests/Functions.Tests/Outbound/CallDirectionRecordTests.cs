using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// The call record's direction: a call the control plane placed is finalized as outbound whether the callee answered
/// (its call then runs like an inbound one) or not; every other call is inbound. Stored in Azurite, read back through
/// GET /api/calls and GET /api/calls/{id}.
/// </summary>
public sealed class CallDirectionRecordTests
{
    [SkippableFact]
    public async Task Outbound_calls_answered_or_not_are_finalized_as_outbound_and_an_inbound_call_as_inbound_in_the_calls_API()
    {
        await using var harness = await OutboundHarness.StartAsync();
        var answered = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111" });
        Assert.Equal(DialOutcome.Answered, (await harness.WaitForDialAsync(answered.CallId)).Outcome);
        // The dial's answer started the call's own orchestration: the agent answers, then the callee leaves.
        await EndAnsweredCallAsync(harness, answered.CallId);
        harness.Rig.LiveKit.OnCreateSipParticipant = (_, _) => throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.Unavailable, 486, "Busy Here");
        var busy = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001112" });
        Assert.Equal(DialOutcome.Busy, (await harness.WaitForDialAsync(busy.CallId)).Outcome);
        const string inbound = "call-direction-inbound";
        await RunCallUntilTheCallerLeavesAsync(harness, inbound);
        var api = ActivatorUtilities.CreateInstance<CallsApiFunctions>(harness.Rig.Services);

        foreach (var (callId, direction, outcome) in new[]
        {
            (answered.CallId, CallDirection.Outbound, CallOutcome.Completed),
            (busy.CallId, CallDirection.Outbound, CallOutcome.Abandoned),
            (inbound, CallDirection.Inbound, CallOutcome.Completed),
        })
        {
            var one = await RunAsync(api.Get(Get($"/api/calls/{callId}", "", harness.Rig.ApiKeySecret), callId, CancellationToken.None));
            Assert.Equal(200, one.Status);
            var record = JsonSerializer.Deserialize<CallDetailsResponse>(one.Body, CallsApiJson.Options)!.Record;
            Assert.Equal((callId, direction, outcome), (record.CallId, record.Direction, record.Outcome));
            Assert.Contains($"\"direction\":\"{direction}\"", one.BodyText);

            var day = record.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var list = await RunAsync(api.List(Get("/api/calls", "?day=" + day, harness.Rig.ApiKeySecret), CancellationToken.None));
            var summary = JsonSerializer.Deserialize<CallListResponse>(list.Body, CallsApiJson.Options)!.Calls.Single(c => c.CallId == callId);
            Assert.Equal((direction, outcome), (summary.Direction, summary.Outcome));
        }
    }

    [Fact]
    public void A_row_written_before_calls_had_a_direction_reads_as_an_inbound_call()
    {
        var started = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var record = new TableEntity("c|call-old", "record") { ["CallId"] = "call-old", ["RoomName"] = "call-old", ["StartedAt"] = started, ["Outcome"] = "Completed" };
        var index = new TableEntity("d|x", "y") { ["CallId"] = "call-old", ["RoomName"] = "call-old", ["StartedAt"] = started, ["Outcome"] = "Completed" };

        Assert.Equal(CallDirection.Inbound, CallEntityMapper.FromRecordEntity(record, summary: null).Direction);
        Assert.Equal(CallDirection.Inbound, CallEntityMapper.FromDayIndexEntity(index).Direction);
    }

    private static async Task EndAnsweredCallAsync(OutboundHarness harness, string callId)
    {
        var start = TimeProvider.System.GetTimestamp();
        while ((await harness.Client.GetInstanceAsync(callId).DefaultTimeout())?.RuntimeStatus != OrchestrationRuntimeStatus.Running)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(30), "the dial's answer did not start the call's orchestration");
            await Task.Delay(100);
        }
        await harness.Client.RaiseEventAsync(callId, CallEvent.EventName, new CallEvent(CallEventKind.AgentAnswered, DateTimeOffset.UtcNow) { SourceEventId = "t-answered" }).DefaultTimeout();
        await harness.Client.RaiseEventAsync(callId, CallEvent.EventName, new CallEvent(CallEventKind.CallerLeft, DateTimeOffset.UtcNow) { SourceEventId = "t-left" }).DefaultTimeout();
        await harness.Client.WaitForInstanceCompletionAsync(callId).DefaultTimeout();
    }

    private static async Task RunCallUntilTheCallerLeavesAsync(OutboundHarness harness, string callId)
    {
        var start = new CallStart(callId, callId, DateTimeOffset.UtcNow,
            new CallerInfo("sip_+15550003333", "+15550003333", "+15550004444", "direct"), CallOrchestrationHarness.FastSettings, Direct: true);
        await harness.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CallOrchestrator), start, new StartOrchestrationOptions(InstanceId: callId)).DefaultTimeout();
        await harness.Client.RaiseEventAsync(callId, CallEvent.EventName, new CallEvent(CallEventKind.CallerLeft, DateTimeOffset.UtcNow)).DefaultTimeout();
        await harness.Client.WaitForInstanceCompletionAsync(callId).DefaultTimeout();
    }

    private static HttpRequest Get(string path, string query, string key)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers["x-functions-key"] = key;
        return context.Request;
    }

    private static async Task<HttpResponseResult> RunAsync(Task<Microsoft.AspNetCore.Mvc.IActionResult> call) => (HttpResponseResult)await call.DefaultTimeout();
}
