using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>
/// The agent's transfer: in LiveKit mode it is asked of the control plane (our leg is LiveKit SIP's, not the caller's:
/// no REFER on it) and the leg's end is reported as the transfer's; in direct mode it is our REFER on the caller's leg,
/// and a REFER the far end completed puts its target in the hangup report.
/// </summary>
public sealed class ControlPlaneTransferSessionTests
{
    private const string SipCallId = "t1@10.0.0.1";
    private const string Target = "sip:desk@pbx.example";

    [Fact]
    public async Task LiveKit_mode_transfer_is_asked_of_the_control_plane_without_a_REFER_and_the_leg_ends_as_transferred()
    {
        var (events, session) = await RunAsync(new Dictionary<string, string> { [AgentCallHeaders.CallId] = "call-lk-1" }, trustHeader: true);

        Assert.Empty(session.Referred); // no REFER on the MediaHost's own leg
        Assert.Equal([AgentEventType.Answered, AgentEventType.Transfer, AgentEventType.Hangup], events.Select(e => e.Type));
        Assert.Equal((Target, "call-lk-1"), (events[1].TransferTo, events[1].CallId));
        Assert.Equal(CallEndReason.Transferred, events[2].EndReason);
        Assert.Equal([CallEndReason.Transferred], session.HangUps); // the agent's hang-up after the transfer is the transfer's
        var parsed = AgentEventParser.TryParse(AgentEventParser.Serialize(events[1]), "call-lk-1", out var problem);
        Assert.True(parsed is not null, problem);
    }

    [Fact]
    public async Task Direct_mode_transfer_is_the_MediaHosts_REFER_on_the_callers_leg()
    {
        var (events, session) = await RunAsync(new Dictionary<string, string>(), trustHeader: false);

        Assert.Equal([Target], session.Referred);
        Assert.DoesNotContain(events, e => e.Type == AgentEventType.Transfer);
        Assert.Null(events.Single(e => e.Type == AgentEventType.Hangup).TransferTo); // the REFER failed: the caller went nowhere
    }

    [Fact]
    public async Task Direct_mode_REFER_the_far_end_completed_ends_the_call_as_transferred_with_its_target_in_the_hangup()
    {
        var (events, session) = await RunAsync(new Dictionary<string, string>(), trustHeader: false, referSucceeds: true);

        Assert.Equal([Target], session.Referred);
        var hangup = events.Single(e => e.Type == AgentEventType.Hangup);
        Assert.Equal((CallEndReason.Transferred, Target), (hangup.EndReason, hangup.TransferTo));
        var parsed = AgentEventParser.TryParse(AgentEventParser.Serialize(hangup), hangup.CallId, out var problem);
        Assert.True(parsed is not null, problem);
    }

    private static async Task<(List<AgentEventMessage> Events, TransferringSession Session)> RunAsync(Dictionary<string, string> headers, bool trustHeader,
        bool referSucceeds = false)
    {
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
        var call = new FakeIncomingCall(headers);
        call.Session.ReferSucceeds = referSucceeds;
        var handler = new ReportingCallHandler(new TransferringHandler(), reporter, trustHeader);

        await handler.HandleAsync(call, CancellationToken.None).DefaultTimeout();

        var events = new List<AgentEventMessage>();
        while (queue.Reader.TryRead(out var message))
        {
            events.Add(message);
        }
        return (events, call.Session);
    }

    /// <summary>The agent's transfer as ConversationTurns does it: TransferAsync, then (accepted) it hangs up.</summary>
    private sealed class TransferringHandler : ICallHandler
    {
        public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
        {
            var session = await call.AnswerAsync(cancellationToken);
            if ((await session.TransferAsync(Target, cancellationToken)).Succeeded)
            {
                await session.HangUpAsync(CallEndReason.AgentHangUp, cancellationToken);
            }
        }
    }

    private sealed class FakeIncomingCall(IReadOnlyDictionary<string, string> headers) : IIncomingCall
    {
        public InboundCall Call { get; } = new(SipCallId, "+15550100", "agent", new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase), "PCMU/8000");

        public TransferringSession Session { get; } = new();

        public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
        {
            Session.Call = Call;
            return Task.FromResult<ICallSession>(Session);
        }

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A SIP call's session: a REFER the far end completes ends the call as transferred (as SipInboundLeg does).</summary>
    private sealed class TransferringSession : ICallSession
    {
        private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool ReferSucceeds { get; set; }
        public List<string> Referred { get; } = [];
        public List<CallEndReason> HangUps { get; } = [];
        public InboundCall Call { get; set; } = null!;
        public Task<CallEnded> Ended => _ended.Task;
        public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => ValueTask.FromResult(false);
        public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public int ClearPlayback() => 0;
        public async IAsyncEnumerable<DtmfDigit> DtmfDigits([global::System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
        public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
        {
            HangUps.Add(reason);
            _ended.TrySetResult(new CallEnded(reason, null, "BYE sent"));
            return Task.CompletedTask;
        }
        public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken)
        {
            Referred.Add(target);
            if (!ReferSucceeds)
            {
                return Task.FromResult(new TransferResult(false, 603, "declined"));
            }
            _ended.TrySetResult(new CallEnded(CallEndReason.Transferred, null, "we hung up"));
            return Task.FromResult(new TransferResult(true, 200, "NOTIFY sipfrag 200"));
        }
        public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
