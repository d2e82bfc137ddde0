using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Functions.Tests.Support.CallOrchestrationHarness;

namespace VoiceFunctions.Functions.Tests.Orchestrations;

/// <summary>
/// A transfer the agent asks for: in LiveKit mode the orchestration transfers the caller's SIP participant (not the
/// MediaHost's leg) and keeps the room until the transfer completed or failed; in direct mode the MediaHost's REFER is
/// the transfer and the call is recorded as transferred. On the Durable Task host over Azurite tables.
/// </summary>
public sealed class AgentTransferTests
{
    private static async Task<string> AnsweredCallAsync(CallOrchestrationHarness h, string name)
    {
        var id = await h.StartAsync(NewCall(name, FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(20) }));
        await h.WaitForPhaseAsync(id, CallPhase.WaitingForAgent);
        await h.RaiseAsync(id, CallEventKind.AgentAnswered);
        await h.WaitForPhaseAsync(id, CallPhase.InCall);
        return id;
    }

    private static Task RequestTransferAsync(CallOrchestrationHarness h, string id, string target) =>
        h.Client.RaiseEventAsync(id, CallEvent.EventName, new CallEvent(CallEventKind.TransferRequested, DateTimeOffset.UtcNow) { Detail = target }).DefaultTimeout();

    [SkippableFact]
    public async Task LiveKit_mode_transfers_the_callers_participant_keeps_the_room_until_done_and_records_the_target()
    {
        await using var h = await StartAsync();
        h.Control.TransferGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = await AnsweredCallAsync(h, "lk-transfer");

        await RequestTransferAsync(h, id, "tel:+74951112233");
        await h.WaitForPhaseAsync(id, CallPhase.Transferring);
        for (var i = 0; i < 500 && h.Control.Transfers.IsEmpty; i++)
        {
            await Task.Delay(20); // the status says Transferring just before the activity runs
        }
        var (room, identity, to) = Assert.Single(h.Control.Transfers);
        Assert.Equal(("call-lk-transfer", "sip_+79990001122", "tel:+74951112233"), (room, identity, to)); // the caller's participant
        Assert.Empty(h.Control.EndedRooms); // the room stays while the transfer runs
        h.Control.TransferGate.SetResult();
        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Transferred, CallEndReason.Transferred), (result.Outcome, result.EndReason));
        Assert.Equal(["call-lk-transfer"], h.Control.EndedRooms); // closed once the caller was handed on
        var record = (await h.Store.GetAsync(id))!;
        Assert.Equal((CallOutcome.Transferred, "tel:+74951112233"), (record.Outcome, record.TransferTo));
        Assert.DoesNotContain("+7495", record.ReasonText); // the reason is also the live status: no numbers
    }

    [SkippableFact]
    public async Task LiveKit_mode_transfer_that_fails_is_recorded_as_failed_with_the_reason_and_the_room_is_closed()
    {
        await using var h = await StartAsync();
        h.Control.FailTransfers = true;
        var id = await AnsweredCallAsync(h, "lk-transfer-fails");

        await RequestTransferAsync(h, id, "sip:desk@pbx.example");
        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Failed, CallEndReason.Error), (result.Outcome, result.EndReason));
        Assert.Contains("603 Decline", result.ReasonText);
        Assert.Equal(["call-lk-transfer-fails"], h.Control.EndedRooms);
        Assert.Null((await h.Store.GetAsync(id))!.TransferTo);
    }

    [SkippableFact]
    public async Task Direct_mode_REFER_by_the_MediaHost_is_recorded_as_transferred_with_its_target_and_nothing_in_LiveKit()
    {
        await using var h = await StartAsync();
        var id = await h.StartAsync(NewCall("direct-refer", FastSettings) with { Direct = true });
        await h.WaitForPhaseAsync(id, CallPhase.InCall);

        // What the AgentEvents function raises for the MediaHost's hangup with reason Transferred (its REFER was accepted).
        await h.Client.RaiseEventAsync(id, CallEvent.EventName, new CallEvent(CallEventKind.Transferred, DateTimeOffset.UtcNow) { Detail = "sip:desk@pbx.example" }).DefaultTimeout();
        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.Transferred, CallEndReason.Transferred), (result.Outcome, result.EndReason));
        Assert.Empty(h.Control.Transfers);
        Assert.Empty(h.Control.EndedRooms);
        Assert.Equal("sip:desk@pbx.example", (await h.Store.GetAsync(id))!.TransferTo);
    }
}
