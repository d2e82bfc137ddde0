using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Orchestrations;

/// <summary>The LiveKit side of the activities against the loopback LiveKit API test server.</summary>
public sealed class LiveKitActivitiesTests
{
    private static async Task<(ControlPlaneRig Rig, SipAgentDispatcher Dispatcher)> StartAsync()
    {
        var rig = await ControlPlaneRig.StartAsync(s => s["LiveKit:Resilience:CircuitBreakerMinimumThroughput"] = "1000");
        var trunk = await rig.Get<SipServiceClient>().CreateOutboundTrunkAsync(new SipOutboundTrunkInfo { Name = "mediahost", Address = "127.0.0.1:5070", Numbers = ["+70000000000"] });
        var dispatcher = new SipAgentDispatcher(rig.Get<SipServiceClient>(),
            Options.Create(new AgentDispatchOptions { OutboundTrunkId = trunk.SipTrunkId, MediaHostSipUser = "agent", RingingTimeoutSeconds = 12 }),
            NullLogger<SipAgentDispatcher>.Instance);
        return (rig, dispatcher);
    }

    [SkippableFact]
    public async Task Sip_dispatch_asks_LiveKit_to_call_the_MediaHost_into_the_room_as_the_agent()
    {
        var (rig, dispatcher) = await StartAsync();
        await using var _ = rig;
        rig.LiveKit.State.AddRoom("call-1");

        var identity = await dispatcher.DispatchAsync("call-1", "call-1", 2, CancellationToken.None).DefaultTimeout();

        Assert.Equal("agent-call-1-2", identity);
        var dial = Assert.Single(rig.LiveKit.State.GetDials());
        Assert.Equal(("agent", "call-1", "agent-call-1-2"), (dial.SipCallTo, dial.RoomName, dial.ParticipantIdentity));
        Assert.Equal("agent", dial.ParticipantAttributes[SipAgentDispatcher.RoleAttribute]);
        Assert.Equal(TimeSpan.FromSeconds(12), dial.RingingTimeout);
        Assert.False(dial.WaitUntilAnswered);
        // LiveKit SIP puts these on the INVITE, so the MediaHost reports its events under the room's call id.
        Assert.Equal("call-1", dial.Headers[AgentCallHeaders.CallId]);
        Assert.Equal("call-1", dial.Headers[AgentCallHeaders.Room]);
    }

    [SkippableFact]
    public async Task Sip_dispatch_through_a_missing_trunk_is_rejected_as_not_retryable()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var dispatcher = new SipAgentDispatcher(rig.Get<SipServiceClient>(), Options.Create(new AgentDispatchOptions { OutboundTrunkId = "ST_missing" }), NullLogger<SipAgentDispatcher>.Instance);

        var e = await Assert.ThrowsAsync<AgentDispatchRejectedException>(() => dispatcher.DispatchAsync("call-1", "call-1", 1, CancellationToken.None)).DefaultTimeout();

        Assert.IsType<LiveKitNotFoundException>(e.InnerException);
    }

    [SkippableFact]
    public async Task Sip_dispatch_failing_with_503_is_left_transient_for_the_durable_retry()
    {
        var (rig, dispatcher) = await StartAsync();
        await using var _ = rig;
        rig.LiveKit.Faults.FailNextWithStatus(LiveKitApiMethods.CreateSipParticipant, 1, 503);

        var e = await Assert.ThrowsAnyAsync<LiveKitException>(() => dispatcher.DispatchAsync("call-1", "call-1", 1, CancellationToken.None)).DefaultTimeout();

        Assert.True(e.IsTransient);
    }

    [SkippableFact]
    public async Task Ending_a_call_deletes_its_room_and_a_room_already_gone_is_fine()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        rig.LiveKit.State.AddRoom("call-end");
        var control = new LiveKitCallControl(rig.Get<RoomServiceClient>(), rig.Get<SipServiceClient>());

        await control.EndCallAsync("call-end", CancellationToken.None).DefaultTimeout();
        await control.EndCallAsync("call-end", CancellationToken.None).DefaultTimeout();

        Assert.Empty(rig.LiveKit.State.GetRooms());
    }

    [SkippableFact]
    public async Task Transfer_refers_the_caller_to_the_human_number()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        rig.LiveKit.State.AddRoom("call-t");
        rig.LiveKit.State.AddParticipant("call-t", "sip_+79990001122", ParticipantKind.Sip);
        var control = new LiveKitCallControl(rig.Get<RoomServiceClient>(), rig.Get<SipServiceClient>());

        await control.TransferAsync("call-t", "sip_+79990001122", "tel:+74951112233", CancellationToken.None).DefaultTimeout();

        var transfer = Assert.Single(rig.LiveKit.State.GetTransfers());
        Assert.Equal(("call-t", "sip_+79990001122", "tel:+74951112233"), (transfer.RoomName, transfer.ParticipantIdentity, transfer.TransferTo));
    }
}
