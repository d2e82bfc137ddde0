using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// Direct mode: the MediaHost's "answered" that arrives after the call was settled (its dial ran out of ring time and the
/// attempt was written as not answered). It must not start the call: its orchestration would finalize the record again as
/// answered while the campaign counted the attempt NoAnswer and retries the number. Real Azurite tables, the Durable
/// client mocked (no orchestration may start).
/// </summary>
public sealed class LateAnswerTests
{
    [Fact]
    public void Answer_starts_a_call_only_while_its_record_is_open()
    {
        var open = new CallRecord { CallId = "call-out-1", RoomName = "call-out-1", StartedAt = DateTimeOffset.UnixEpoch };

        Assert.True(LateAnswerRule.Starts(open));
        Assert.False(LateAnswerRule.Starts(open with { Outcome = CallOutcome.Abandoned, EndReason = CallEndReason.CancelledBeforeAnswer }));
        Assert.False(LateAnswerRule.Starts(open with { Outcome = CallOutcome.Completed, EndReason = CallEndReason.CallerHangUp }));
    }

    [SkippableFact]
    public async Task Answered_event_after_the_call_was_settled_unanswered_starts_no_call_and_leaves_the_record_unanswered()
    {
        await using var bed = AgentEventsTestBed.Create(directMode: true);
        var callId = OutboundCallIds.New();
        var settledAt = bed.Kit.Time.GetUtcNow();
        // What RecordUnansweredCallActivity writes when the dial's ring timeout ran out.
        await bed.Kit.Storage.Store.CreateAsync(new CallRecord
        {
            CallId = callId, RoomName = callId, Direction = CallDirection.Outbound, StartedAt = settledAt.AddSeconds(-15), EndedAt = settledAt,
            CallerNumber = "+15550002222", CalledNumber = "+15550001111",
            Outcome = CallOutcome.Abandoned, EndReason = CallEndReason.CancelledBeforeAnswer, ReasonText = "outbound call not answered (NoAnswer): ring timeout",
        });

        var response = await bed.PostSignedAsync(new AgentEventMessage
        {
            Id = "mh-late", CallId = callId, Type = AgentEventType.Answered, OccurredAt = settledAt.AddSeconds(1),
            Caller = "+15550002222", Called = "+15550001111", AnsweredBy = "human", MediaHostId = "mh-1",
        });

        Assert.Equal(200, response.Status);
        Assert.Contains("CallAlreadyFinished", response.BodyText);
        Assert.Empty(bed.Durable.Started);
        Assert.Empty(bed.Durable.Raised);
        var record = (await bed.Kit.Storage.Store.GetAsync(callId))!;
        Assert.Equal((CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer, (string?)null, (DateTimeOffset?)null),
            (record.Outcome, record.EndReason, record.AnsweredBy, record.AnsweredAt));
    }
}
