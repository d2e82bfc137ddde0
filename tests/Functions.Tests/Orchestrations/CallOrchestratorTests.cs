using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Functions.Tests.Support.CallOrchestrationHarness;

namespace VoiceFunctions.Functions.Tests.Orchestrations;

/// <summary>The call orchestration run for real, with replay, in the in-process Durable Task host.</summary>
public sealed class CallOrchestratorTests
{
    [SkippableFact]
    public async Task Happy_path_records_answer_turns_and_caller_hang_up_in_the_call_history()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("happy", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(20) }));

        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);
        await h.WaitForPhaseAsync(id, CallPhase.InCall);
        await h.Store.AppendTurnAsync(new CallTurn { CallId = id, Sequence = 1, CallerText = "Здравствуйте", AgentText = "Добрый день", ResponseLatencyMs = 600 });
        await h.Store.AppendTurnAsync(new CallTurn { CallId = id, Sequence = 2, CallerText = "Спасибо", AgentText = "Всего доброго", ResponseLatencyMs = 900 });
        await h.RaiseAsync(id, CallEventKind.Turn);
        await h.RaiseAsync(id, CallEventKind.Turn);
        var inCall = await WaitForTurnsAsync(h, id, 2);
        await h.RaiseAsync(id, CallEventKind.CallerLeft);

        var result = await h.WaitForResultAsync(id);
        Assert.Equal((CallOutcome.Completed, CallEndReason.CallerHangUp), (result.Outcome, result.EndReason));
        Assert.Equal(2, inCall.Turns);
        var record = (await h.Store.GetAsync(id))!;
        Assert.Equal(CallOutcome.Completed, record.Outcome);
        Assert.Equal("+79990001122", record.CallerNumber);
        Assert.NotNull(record.AnsweredAt);
        Assert.NotNull(record.AgentAnswerLatency);
        Assert.Equal(2, record.TurnCount);
        Assert.Equal(new LatencySummary(2, 600, 900, 900, 750), record.Latency);
        Assert.Equal(1, record.DispatchAttempts);
        Assert.Single(h.Dispatcher.Calls);
        Assert.Equal(["call-happy"], h.Control.EndedRooms); // the agent leg is released when the caller hangs up
    }

    [SkippableFact]
    public async Task Caller_who_leaves_while_the_agent_is_being_dispatched_ends_the_call_at_once_with_no_further_dispatch()
    {
        // LiveKit keeps failing the dispatch request; Durable retries it 5 s later, and later again.
        await using var h = await StartAsync(new ScriptedAgentDispatcher().FailTransiently(20));
        var id = await h.StartAsync(NewCall("left-in-dispatch", FastSettings with { DispatchActivityAttempts = 5, DispatchRetryInterval = TimeSpan.FromSeconds(5) }));
        await h.WaitForPhaseAsync(id, CallPhase.DispatchingAgent);
        await h.RaiseAsync(id, CallEventKind.CallerLeft);

        await h.WaitForPhaseAsync(id, CallPhase.Completed);
        var result = await h.WaitForResultAsync(id);
        Assert.Equal((CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer), (result.Outcome, result.EndReason));
        Assert.Contains("the caller left before the agent answered", result.ReasonText, StringComparison.Ordinal);
        Assert.True(h.Dispatcher.Calls.Count <= 2, $"dispatched {h.Dispatcher.Calls.Count} times after the caller left");
    }

    [SkippableFact]
    public async Task Answer_and_hang_up_that_arrive_during_a_failing_dispatch_count_instead_of_more_dispatches()
    {
        // LiveKit's webhooks all arrived within milliseconds while the dispatch request was still out; the room was
        // gone by the time it failed.
        var dispatcher = new ScriptedAgentDispatcher().Hold().FailPermanently(3);
        await using var h = await StartAsync(dispatcher);
        try
        {
            var id = await h.StartAsync(NewCall("answered-in-dispatch", FastSettings));
            await h.WaitForPhaseAsync(id, CallPhase.DispatchingAgent);
            await h.RaiseAsync(id, CallEventKind.AgentAnswered);
            await h.RaiseAsync(id, CallEventKind.CallerLeft);
            await h.RaiseAsync(id, CallEventKind.RoomFinished);
            dispatcher.Release();

            var result = await h.WaitForResultAsync(id);
            Assert.Equal((CallOutcome.Completed, CallEndReason.CallerHangUp), (result.Outcome, result.EndReason));
            Assert.Single(h.Dispatcher.Calls);
            Assert.NotNull((await h.Store.GetAsync(id))!.AnsweredAt);
        }
        finally
        {
            dispatcher.Release();
        }
    }

    [SkippableFact]
    public async Task Direct_call_is_answered_without_a_dispatch_and_nothing_is_ended_in_LiveKit()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("direct", FastSettings) with { Direct = true });

        await h.WaitForPhaseAsync(id, CallPhase.InCall);
        await h.RaiseAsync(id, CallEventKind.Turn);
        await WaitForTurnsAsync(h, id, 1);
        await h.RaiseAsync(id, CallEventKind.AgentLeft);

        var result = await h.WaitForResultAsync(id);
        Assert.Equal((CallOutcome.Completed, CallEndReason.AgentHangUp), (result.Outcome, result.EndReason));
        Assert.Empty(h.Dispatcher.Calls);
        Assert.Empty(h.Control.EndedRooms); // a direct call has no LiveKit room to end
        var record = (await h.Store.GetAsync(id))!;
        Assert.Equal(CallOutcome.Completed, record.Outcome);
        Assert.NotNull(record.AnsweredAt);
    }

    [SkippableFact]
    public async Task Direct_call_whose_mediahost_goes_silent_is_finalized_as_failed()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("direct-lost", FastSettings with { DirectSilenceTimeout = TimeSpan.FromSeconds(2) }) with { Direct = true });

        await h.WaitForPhaseAsync(id, CallPhase.InCall);
        await h.RaiseAsync(id, CallEventKind.Turn); // one report, then nothing: the MediaHost died

        var result = await h.WaitForResultAsync(id);
        Assert.Equal((CallOutcome.Failed, CallEndReason.Error), (result.Outcome, result.EndReason));
        var record = (await h.Store.GetAsync(id))!;
        Assert.Equal(CallOutcome.Failed, record.Outcome);
        Assert.Contains("presumed lost", record.ReasonText);
        Assert.Empty(h.Control.EndedRooms);
    }

    [SkippableFact]
    public async Task Agent_that_never_answers_is_redispatched_then_the_caller_is_transferred_to_a_human()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("noanswer", FastSettings with { HumanTransferTo = "tel:+74951112233" }));

        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Transferred, CallEndReason.AgentUnavailable), (result.Outcome, result.EndReason));
        Assert.Equal([1, 2], h.Dispatcher.Calls.Select(c => c.Attempt));
        Assert.Equal([("call-noanswer", "sip_+79990001122", "tel:+74951112233")], h.Control.Transfers);
        var record = (await h.Store.GetAsync(id))!;
        Assert.Equal(CallOutcome.Transferred, record.Outcome);
        Assert.Contains("did not answer after 2 dispatch attempt(s)", record.ReasonText);
        Assert.Null(record.AnsweredAt);
    }

    [SkippableFact]
    public async Task A_caller_transferred_to_the_human_fallback_is_recorded_with_the_fallback_as_TransferTo()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("fallbackto", FastSettings with { MaxDispatchAttempts = 1, HumanTransferTo = "tel:+74951112233" }));

        await h.WaitForResultAsync(id);

        var record = (await h.Store.GetAsync(id))!;
        Assert.Equal((CallOutcome.Transferred, "tel:+74951112233"), (record.Outcome, record.TransferTo));
    }

    [SkippableFact]
    public async Task Agent_that_never_answers_without_a_human_fallback_ends_the_call()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("nofallback", FastSettings with { MaxDispatchAttempts = 1 }));

        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.AgentUnavailable, CallEndReason.AgentUnavailable), (result.Outcome, result.EndReason));
        Assert.Equal(["call-nofallback"], h.Control.EndedRooms);
        Assert.Contains("no human fallback is configured", (await h.Store.GetAsync(id))!.ReasonText);
    }

    [SkippableFact]
    public async Task A_failed_transfer_falls_back_to_ending_the_call_and_says_why()
    {
        await using var h = await StartAsync();
        h.Control.FailTransfers = true;
        var id = await h.StartAsync(NewCall("badtransfer", FastSettings with { MaxDispatchAttempts = 1, HumanTransferTo = "tel:+74951112233" }));

        var result = await h.WaitForResultAsync(id);

        Assert.Equal(CallOutcome.AgentUnavailable, result.Outcome);
        Assert.Contains("transfer to the human fallback failed", result.ReasonText);
        Assert.Equal(["call-badtransfer"], h.Control.EndedRooms);
    }

    [SkippableFact]
    public async Task Caller_who_hangs_up_before_the_agent_answers_is_recorded_as_abandoned()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("hangup", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) }));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);

        await h.RaiseAsync(id, CallEventKind.CallerLeft);
        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer), (result.Outcome, result.EndReason));
        Assert.Single(h.Dispatcher.Calls);
        Assert.Empty(h.Control.Transfers);
        Assert.Equal(["call-hangup"], h.Control.EndedRooms); // stops the agent leg that is still dialing
        Assert.Equal(CallOutcome.Abandoned, (await h.Store.GetAsync(id))!.Outcome);
    }

    [SkippableFact]
    public async Task Duplicate_and_out_of_order_events_drive_the_call_once_to_the_right_end()
    {
        await using var h = await StartAsync();
        // Started by room_started: the caller's details arrive later, together with an early answer and repeats.
        var id = await h.StartAsync(NewCall("ooo", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) }, withCaller: false));
        var caller = new CallerInfo("sip_+79990001122", "+79990001122", "+74950000000", "ST_in");
        await h.RaiseAsync(id, CallEventKind.AgentAnswered); // arrives before the caller joined
        await h.RaiseAsync(id, CallEventKind.CallerJoined, caller);
        await h.RaiseAsync(id, CallEventKind.CallerJoined, caller with { CallerNumber = "+10000000000" });
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);
        await h.WaitForPhaseAsync(id, CallPhase.InCall);

        await h.RaiseAsync(id, CallEventKind.RoomFinished);
        await h.RaiseAsync(id, CallEventKind.CallerLeft); // after the room closed: too late to matter
        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Completed, CallEndReason.RoomClosed), (result.Outcome, result.EndReason));
        var record = (await h.Store.GetAsync(id))!;
        Assert.Equal("+79990001122", record.CallerNumber); // the first CallerJoined wins
        Assert.Empty(h.Control.EndedRooms); // LiveKit already closed the room
        Assert.True(h.Dispatcher.Calls.Count <= 1);
    }

    [SkippableFact]
    public async Task Room_started_without_a_caller_joining_is_closed_after_the_caller_join_timeout()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("nocaller", FastSettings, withCaller: false));

        var result = await h.WaitForResultAsync(id);

        Assert.Equal(CallOutcome.Abandoned, result.Outcome);
        Assert.Contains("no SIP caller joined", result.ReasonText);
        Assert.Empty(h.Dispatcher.Calls);
    }

    [SkippableFact]
    public async Task Call_reaching_the_max_duration_is_ended_by_us()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("long", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30), MaxCallDuration = TimeSpan.FromSeconds(3) }));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);

        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Completed, CallEndReason.MaxDuration), (result.Outcome, result.EndReason));
        Assert.Equal(["call-long"], h.Control.EndedRooms);
        Assert.Equal(CallEndReason.MaxDuration, (await h.Store.GetAsync(id))!.EndReason);
    }

    [SkippableFact]
    public async Task Transient_dispatch_failures_are_retried_by_the_durable_retry_policy()
    {
        await using var h = await StartAsync(new ScriptedAgentDispatcher().FailTransiently(2));
        var id = await h.StartAsync(NewCall("flaky", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) }));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);
        await h.WaitForPhaseAsync(id, CallPhase.InCall);
        await h.RaiseAsync(id, CallEventKind.AgentLeft);

        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Completed, CallEndReason.AgentHangUp), (result.Outcome, result.EndReason));
        Assert.Equal([1, 1, 1], h.Dispatcher.Calls.Select(c => c.Attempt)); // three tries of dispatch attempt 1
        Assert.Equal(1, result.DispatchAttempts);
    }

    [SkippableFact]
    public async Task A_permanent_dispatch_failure_is_not_retried_and_the_next_attempt_follows()
    {
        await using var h = await StartAsync(new ScriptedAgentDispatcher().FailPermanently(1));
        var id = await h.StartAsync(NewCall("permanent", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) }));
        var status = await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);
        await h.WaitForPhaseAsync(id, CallPhase.InCall);
        await h.RaiseAsync(id, CallEventKind.CallerLeft);

        var result = await h.WaitForResultAsync(id);

        Assert.Equal(2, status.DispatchAttempt);
        Assert.Equal([1, 2], h.Dispatcher.Calls.Select(c => c.Attempt));
        Assert.Equal(CallOutcome.Completed, result.Outcome);
    }

    [SkippableFact]
    public async Task Recreated_host_loses_the_in_memory_orchestration_but_the_call_record_survives_in_tables()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("restart", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) }));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);
        await h.WaitForPhaseAsync(id, CallPhase.InCall);

        await h.RecreateHostAsync();

        // The in-process backend keeps history, timers and pending events in memory: they are gone.
        Assert.Null(await h.Client.GetInstanceAsync(id).DefaultTimeout());
        // What was written to Azure Tables survives: the call is known, answered and still open, which is
        // exactly what reconciliation looks for to close it.
        var record = (await h.Store.GetAsync(id))!;
        Assert.True(record.IsOpen);
        Assert.NotNull(record.AnsweredAt);
        // The same call id can be started again on the new host (a late webhook for the room would do so).
        var again = await h.StartAsync(NewCall("restart", FastSettings with { MaxDispatchAttempts = 1 }));
        Assert.Equal(id, again);
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
    }

    [SkippableFact]
    public async Task Agent_transfer_during_the_call_finishes_it_as_transferred_without_ending_the_room()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("refer", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(20) }));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);
        await h.WaitForPhaseAsync(id, CallPhase.InCall);

        await h.Client.RaiseEventAsync(id, CallEvent.EventName, new CallEvent(CallEventKind.Transferred, DateTimeOffset.UtcNow) { Detail = "sip:desk@pbx.example" });
        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Transferred, CallEndReason.Transferred), (result.Outcome, result.EndReason));
        Assert.Empty(h.Control.EndedRooms);
        Assert.Empty(h.Control.Transfers);
        var record = (await h.Store.GetAsync(id))!;
        Assert.Equal((CallOutcome.Transferred, CallEndReason.Transferred), (record.Outcome, record.EndReason));
        Assert.Contains("transferred the caller to a human", record.ReasonText);
        Assert.DoesNotContain("pbx.example", record.ReasonText); // the reason is also the live status: no addresses
    }

    [SkippableFact]
    public async Task Agent_transfer_seen_before_its_answer_skips_the_redispatch_and_the_human_fallback()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("earlyrefer", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(20), HumanTransferTo = "tel:+74951112233" }));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);

        await h.RaiseAsync(id, CallEventKind.Transferred);
        await h.RaiseAsync(id, CallEventKind.AgentLeft); // the agent leg drops out after its REFER
        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Transferred, CallEndReason.Transferred), (result.Outcome, result.EndReason));
        Assert.Single(h.Dispatcher.Calls);
        Assert.Empty(h.Control.Transfers);
        Assert.Empty(h.Control.EndedRooms);
        Assert.Equal(CallOutcome.Transferred, (await h.Store.GetAsync(id))!.Outcome);
    }

    [SkippableFact]
    public async Task Recording_reported_while_waiting_for_the_caller_is_stored_once_the_record_exists()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("earlyrec", FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(20), CallerJoinTimeout = TimeSpan.FromSeconds(30) }, withCaller: false));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForCaller);
        var recording = new CallRecording("EG_early", "Active", false, null, null, DateTimeOffset.UnixEpoch.AddSeconds(1771351905));

        await h.Client.RaiseEventAsync(id, CallEvent.EventName, new CallEvent(CallEventKind.RecordingUpdated, DateTimeOffset.UtcNow) { Recording = recording });
        await h.RaiseAsync(id, CallEventKind.CallerJoined, new CallerInfo("sip_+79990001122", "+79990001122", "+74950000000", "ST_in"));
        var status = await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.CallerLeft);
        await h.WaitForResultAsync(id);

        Assert.Equal(CallOutcome.InProgress, status.Outcome);
        Assert.Equal(recording, (await h.Store.GetAsync(id))!.Recording);
    }

    private static async Task<CallStatus> WaitForTurnsAsync(CallOrchestrationHarness h, string id, int turns)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = await h.WaitForPhaseAsync(id, CallPhase.InCall);
            if (status.Turns >= turns)
            {
                return status;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("turns never counted");
    }
}
