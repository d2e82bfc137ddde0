using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>
/// Which call id the MediaHost reports a call under: in LiveKit mode the room's call id that the dispatcher put in
/// the INVITE's X-VoiceFunctions-Call-Id; otherwise (and for anything not a valid call id) the direct-mode id.
/// </summary>
public sealed class ReportingCallHandlerTests
{
    private const string SipCallId = "a84b4c76e66710@10.0.0.1";

    [Fact]
    public async Task LiveKit_mode_reports_answer_turns_and_hangup_under_the_call_id_from_the_INVITE()
    {
        var events = await RunCallAsync(trustHeader: true, new Dictionary<string, string> { [AgentCallHeaders.CallId] = "call-_+15550100_a1B2", [AgentCallHeaders.Room] = "call-_+15550100_a1B2" });

        Assert.Equal([AgentEventType.Answered, AgentEventType.Turn, AgentEventType.Hangup], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("call-_+15550100_a1B2", e.CallId));
        Assert.Equal("call-_+15550100_a1B2", events[1].Turn!.CallId);
        Assert.Equal("mh-call-_+15550100_a1B2-answered", events[0].Id);
    }

    [Fact]
    public async Task Direct_mode_ignores_a_call_id_header_so_a_SIP_peer_cannot_write_into_another_call()
    {
        var events = await RunCallAsync(trustHeader: false, new Dictionary<string, string> { [AgentCallHeaders.CallId] = "call-someone-else" });

        Assert.All(events, e => Assert.Equal(ControlPlaneCallIds.For(SipCallId), e.CallId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("call/../other")]
    [InlineData("call with spaces")]
    public async Task Call_id_header_that_is_not_a_valid_call_id_falls_back_to_the_direct_mode_id(string value)
    {
        var events = await RunCallAsync(trustHeader: true, new Dictionary<string, string> { [AgentCallHeaders.CallId] = value });

        Assert.All(events, e => Assert.Equal(ControlPlaneCallIds.For(SipCallId), e.CallId));
    }

    [Fact]
    public async Task Mapping_is_forgotten_when_the_call_ends()
    {
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
        var handler = new ReportingCallHandler(new AnsweringHandler(reporter), reporter, callIdFromSipHeader: true);

        await handler.HandleAsync(new FakeIncomingCall(new Dictionary<string, string> { [AgentCallHeaders.CallId] = "call-1" }), CancellationToken.None).DefaultTimeout();

        Assert.Equal(ControlPlaneCallIds.For(SipCallId), reporter.ControlPlaneCallId(SipCallId));
    }

    [Fact]
    public async Task Caller_hangup_recorded_by_the_session_just_after_the_agent_loop_returned_is_still_reported_as_the_callers()
    {
        var ended = new TaskCompletionSource<CallEnded>(TaskCreationOptions.RunContinuationsAsynchronously);
        var late = Task.Delay(100).ContinueWith(_ => ended.SetResult(new CallEnded(CallEndReason.CallerHangUp, null, "BYE")), TaskScheduler.Default);

        var events = await RunCallAsync(trustHeader: false, new Dictionary<string, string>(), ended.Task);
        await late;

        Assert.Equal(CallEndReason.CallerHangUp, events.Single(e => e.Type == AgentEventType.Hangup).EndReason);
    }

    [Fact]
    public async Task Session_still_up_after_the_grace_period_is_reported_as_the_agent_hanging_up()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, time, NullLogger<CallEventReporter>.Instance);
        var handler = new ReportingCallHandler(new AnsweringHandler(reporter), reporter, time: time);

        var handling = handler.HandleAsync(new FakeIncomingCall(new Dictionary<string, string>(), new TaskCompletionSource<CallEnded>().Task), CancellationToken.None);
        for (var i = 0; i < 1000 && !handling.IsCompleted; i++)
        {
            time.Advance(ReportingCallHandler.EndReasonGrace);
            await Task.Delay(10);
        }
        await handling.DefaultTimeout();

        var hangup = Drain(queue).Single(e => e.Type == AgentEventType.Hangup);
        Assert.Equal(CallEndReason.AgentHangUp, hangup.EndReason);
    }

    private static async Task<List<AgentEventMessage>> RunCallAsync(bool trustHeader, Dictionary<string, string> headers, Task<CallEnded>? ended = null)
    {
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
        var handler = new ReportingCallHandler(new AnsweringHandler(reporter), reporter, trustHeader);

        await handler.HandleAsync(new FakeIncomingCall(headers, ended), CancellationToken.None).DefaultTimeout();
        return Drain(queue);
    }

    private static List<AgentEventMessage> Drain(CallEventQueue queue)
    {

        var events = new List<AgentEventMessage>();
        while (queue.Reader.TryRead(out var message))
        {
            events.Add(message);
        }
        return events;
    }

    /// <summary>Answers, reports one turn as the agent does (under the SIP Call-ID), and returns once the call has ended.</summary>
    private sealed class AnsweringHandler(ITurnReporter turns) : ICallHandler
    {
        public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
        {
            await call.AnswerAsync(cancellationToken);
            await turns.ReportAsync(new TurnRecord { CallId = call.Call.CallId, TurnIndex = 1, Trigger = "speech", StartedAt = DateTimeOffset.UnixEpoch, AgentText = "Hello" }, cancellationToken);
        }
    }

    private sealed class FakeIncomingCall(IReadOnlyDictionary<string, string> headers, Task<CallEnded>? ended = null) : IIncomingCall
    {
        public InboundCall Call { get; } = new(SipCallId, "+15550100", "agent", new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase), "PCMU/8000");

        public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken) =>
            Task.FromResult<ICallSession>(new EndedSession(Call, ended ?? Task.FromResult(new CallEnded(CallEndReason.CallerHangUp, null, "BYE"))));

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class EndedSession(InboundCall call, Task<CallEnded> ended) : ICallSession
    {
        public InboundCall Call => call;
        public Task<CallEnded> Ended => ended;
        public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => ValueTask.FromResult(false);
        public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public int ClearPlayback() => 0;
        public async IAsyncEnumerable<DtmfDigit> DtmfDigits([global::System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
        public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) => Task.FromResult(new TransferResult(false, null, "not supported"));
        public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
