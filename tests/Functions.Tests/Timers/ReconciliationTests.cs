using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Timers;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Timers;

/// <summary>Reconciliation of open calls against the loopback LiveKit API test server and the call store in Azurite.</summary>
public sealed class ReconciliationTests
{
    private static CallRecord Open(string id, DateTimeOffset startedAt, bool answered = true) => new()
    {
        CallId = id, RoomName = id, StartedAt = startedAt, CallerNumber = "+79990001122",
        AnsweredAt = answered ? startedAt.AddSeconds(2) : null,
    };

    [SkippableFact]
    public async Task Open_calls_past_the_grace_period_are_closed_by_what_LiveKit_says()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var store = rig.Get<CallStore>();
        var durable = new DurableClientMock();
        var old = DateTimeOffset.UtcNow.AddMinutes(-20);
        await store.CreateAsync(Open("call-gone", old));                       // room_finished was lost
        await store.CreateAsync(Open("call-empty", old));                      // caller left, agent leg still there
        rig.LiveKit.State.AddRoom("call-empty");
        rig.LiveKit.State.AddParticipant("call-empty", "agent-call-empty-1", ParticipantKind.Sip);
        await store.CreateAsync(Open("call-live", old));                       // still talking
        rig.LiveKit.State.AddRoom("call-live");
        rig.LiveKit.State.AddParticipant("call-live", "sip_+79990001122", ParticipantKind.Sip);
        await store.CreateAsync(Open("call-new", DateTimeOffset.UtcNow.AddMinutes(-1))); // inside the grace period
        await store.CreateAsync(Open("call-running", old));                    // its orchestration still runs
        durable.SetInstance("call-running", OrchestrationRuntimeStatus.Running);

        var result = await rig.Get<CallReconciler>().RunAsync(durable.Object, CancellationToken.None).DefaultTimeout();

        Assert.Equal(new ReconciliationResult(OpenCallsSeen: 5, Checked: 4, ClosedDirectly: 2, RaisedIntoOrchestration: 1), result);
        var gone = (await store.GetAsync("call-gone"))!;
        Assert.Equal((CallOutcome.Completed, CallEndReason.RoomClosed), (gone.Outcome, gone.EndReason));
        Assert.Contains("room_finished was never received", gone.ReasonText);
        var empty = (await store.GetAsync("call-empty"))!;
        Assert.Equal(CallEndReason.CallerHangUp, empty.EndReason);
        Assert.DoesNotContain(rig.LiveKit.State.GetRooms(), r => r.Name == "call-empty"); // the agent leg was released
        Assert.True((await store.GetAsync("call-live"))!.IsOpen);
        Assert.True((await store.GetAsync("call-new"))!.IsOpen);
        var raised = Assert.Single(durable.Raised);
        Assert.Equal(("call-running", CallEventKind.RoomFinished), (raised.InstanceId, raised.Event.Kind));
        Assert.True((await store.GetAsync("call-running"))!.IsOpen); // the orchestration finalizes it itself
    }

    [SkippableFact]
    public async Task Unanswered_call_whose_room_is_gone_is_closed_as_abandoned()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var store = rig.Get<CallStore>();
        await store.CreateAsync(Open("call-unanswered", DateTimeOffset.UtcNow.AddMinutes(-30), answered: false));

        await rig.Get<CallReconciler>().RunAsync(new DurableClientMock().Object, CancellationToken.None).DefaultTimeout();

        var record = (await store.GetAsync("call-unanswered"))!;
        Assert.Equal((CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer), (record.Outcome, record.EndReason));
    }

    [SkippableFact]
    public async Task Call_left_open_days_ago_is_reconciled_whatever_its_day()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var store = rig.Get<CallStore>();
        await store.CreateAsync(Open("call-last-week", DateTimeOffset.UtcNow.AddDays(-6)));  // its room is long gone
        await store.CreateAsync(Open("call-three-days", DateTimeOffset.UtcNow.AddDays(-3))); // still in a room, past the max duration
        rig.LiveKit.State.AddRoom("call-three-days");
        rig.LiveKit.State.AddParticipant("call-three-days", "sip_+79990001122", ParticipantKind.Sip);

        var result = await rig.Get<CallReconciler>().RunAsync(new DurableClientMock().Object, CancellationToken.None).DefaultTimeout();

        Assert.Equal(2, result.ClosedDirectly);
        Assert.Equal((CallOutcome.Completed, CallEndReason.RoomClosed), ((await store.GetAsync("call-last-week"))!.Outcome, (await store.GetAsync("call-last-week"))!.EndReason));
        Assert.Equal(CallEndReason.MaxDuration, (await store.GetAsync("call-three-days"))!.EndReason);
    }
}
