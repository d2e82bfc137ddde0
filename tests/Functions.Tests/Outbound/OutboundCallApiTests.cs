using System.Text.Json;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>POST /api/calls through the dial orchestration in LiveKit mode, LiveKit played by the loopback LiveKit API test server.</summary>
public sealed class OutboundCallApiTests
{
    [SkippableFact]
    public async Task A_call_placed_through_the_API_dials_the_callee_into_its_own_room_through_the_carrier_trunk_and_waits_for_the_answer()
    {
        await using var harness = await OutboundHarness.StartAsync();

        var placed = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111", From = "+15550002222", RingTimeoutSeconds = 20 });
        var result = await harness.WaitForDialAsync(placed.CallId);

        Assert.True(placed.Created);
        Assert.StartsWith(OutboundCallIds.Prefix, placed.CallId);
        Assert.Equal(DialOutcome.Answered, result.Outcome);
        var dial = Assert.Single(harness.Rig.LiveKit.State.GetDials());
        Assert.Equal((harness.CalleeTrunkId, "+15550001111", "+15550002222", placed.CallId), (dial.SipTrunkId, dial.SipCallTo, dial.SipNumber, dial.RoomName));
        Assert.True(dial.WaitUntilAnswered);
        Assert.Equal(TimeSpan.FromSeconds(20), dial.RingingTimeout);
        // The room's name makes it a call the webhooks map (room prefix "call-"): the answered call runs as an inbound one.
        Assert.Equal(placed.CallId, CallIds.FromRoomName(dial.RoomName));
    }

    [SkippableTheory]
    [InlineData(486, "Busy Here", DialOutcome.Busy, CallOutcome.Abandoned)]
    [InlineData(480, "Temporarily Unavailable", DialOutcome.NoAnswer, CallOutcome.Abandoned)]
    [InlineData(503, "Service Unavailable", DialOutcome.Failed, CallOutcome.Failed)]
    [InlineData(404, "Not Found", DialOutcome.Rejected, CallOutcome.Failed)]
    public async Task A_call_the_callee_does_not_answer_is_recorded_with_the_SIP_status(int sipStatus, string phrase, DialOutcome dialOutcome, CallOutcome recorded)
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Rig.LiveKit.OnCreateSipParticipant = (_, _) => throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.Unavailable, sipStatus, phrase);

        var placed = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111" });
        var result = await harness.WaitForDialAsync(placed.CallId);

        Assert.Equal(new DialResult(dialOutcome, sipStatus, $"{sipStatus} {phrase}"), result);
        var record = await harness.Store.GetAsync(placed.CallId).DefaultTimeout();
        Assert.NotNull(record);
        Assert.Equal(recorded, record.Outcome);
        Assert.Equal("+15550001111", record.CalledNumber);
        Assert.NotNull(record.EndedAt);
        Assert.Contains($"{sipStatus} {phrase}", record.ReasonText);
    }

    [SkippableFact]
    public async Task The_same_idempotency_key_twice_returns_the_same_call_and_rings_the_callee_once()
    {
        await using var harness = await OutboundHarness.StartAsync();

        var first = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111" }, idempotencyKey: "reminder-42");
        await harness.WaitForDialAsync(first.CallId);
        var second = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111", IdempotencyKey = "reminder-42" });
        var other = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111" }, idempotencyKey: "reminder-43");
        await harness.WaitForDialAsync(other.CallId);

        Assert.Equal(first.CallId, second.CallId);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.NotEqual(first.CallId, other.CallId);
        Assert.Equal(2, harness.Rig.LiveKit.State.GetDials().Count);
    }

    [SkippableFact]
    public async Task Bad_requests_are_refused_naming_each_field_and_nothing_is_dialled()
    {
        await using var harness = await OutboundHarness.StartAsync();

        var (badJson, badJsonText) = await harness.PlaceAsync("{\"to\": "u8.ToArray());
        var (noTo, noToText) = await harness.PlaceAsync(new PlaceCallRequest());
        var (many, manyText) = await harness.PlaceAsync(new PlaceCallRequest
        {
            To = "0015550001111", From = "me", RingTimeoutSeconds = 1, IdempotencyKey = "has space",
            Variables = new() { ["first name"] = "x" },
        });
        var (conflict, conflictText) = await harness.PlaceAsync(new PlaceCallRequest { To = "+15550001111", IdempotencyKey = "a" }, idempotencyKey: "b");
        var unauthorized = (HttpResponseResult)await harness.Api.Place(harness.Post(new PlaceCallRequest { To = "+15550001111" }, withKey: false), harness.Client, CancellationToken.None);

        Assert.Equal((400, 400, 400, 400, 401), (badJson, noTo, many, conflict, unauthorized.Status));
        Assert.Contains("invalid JSON", badJsonText);
        Assert.StartsWith("to:", noToText);
        foreach (var field in new[] { "to:", "from:", "ringTimeoutSeconds:", "idempotencyKey:", "variables:" })
        {
            Assert.Contains(field, manyText);
        }
        Assert.Contains("Idempotency-Key header", conflictText);
        Assert.Empty(harness.Rig.LiveKit.State.GetDials());
    }

    [SkippableFact]
    public async Task The_dial_status_is_readable_through_the_API_once_dialling_ended()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Rig.LiveKit.OnCreateSipParticipant = (_, _) => throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.Unavailable, 486, "Busy Here");
        var placed = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111" });
        await harness.WaitForDialAsync(placed.CallId);

        var request = harness.Post(new { });
        request.Method = "GET";
        var answer = (HttpResponseResult)await harness.Api.Dial(request, placed.CallId, harness.Client, CancellationToken.None).DefaultTimeout();
        var missing = (HttpResponseResult)await harness.Api.Dial(harness.Post(new { }), "call-out-none", harness.Client, CancellationToken.None).DefaultTimeout();

        Assert.Equal(200, answer.Status);
        var status = JsonSerializer.Deserialize<DialStatusResponse>(answer.BodyText, CallsApiJson.Options)!;
        Assert.Equal(("completed", DialOutcome.Busy), (status.State, status.Result!.Outcome));
        Assert.Equal(404, missing.Status);
    }
}
