using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.MediaHost.Tests.Sip.Interop;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Outbound;

/// <summary>Direct mode's outbound dial against sipp as the callee (or the trunk): answered, busy, unavailable, no answer.</summary>
[Trait("Category", "Interop")]
public sealed class OutboundCallPlacerSippTests
{
    private static (OutboundCallPlacer Placer, RecordingHandler Handler) Placer(LoopbackSipServer server, SippProcess sipp)
    {
        var handler = new RecordingHandler();
        var options = new OutboundDialOptions { Trunk = new IPEndPoint(IPAddress.Loopback, sipp.Port).ToString(), DefaultFrom = "+15550002222" };
        return (new OutboundCallPlacer(() => server.Agent, handler, options, _ => null, NullLogger<OutboundCallPlacer>.Instance, TimeProvider.System), handler);
    }

    private static DialCommand Command(int ringSeconds = 10) =>
        new("call-out-test-1", "+15550001111", null, ringSeconds, new Dictionary<string, string> { ["firstName"] = "Ada" });

    [SkippableFact]
    public async Task An_answered_call_runs_the_call_handler_with_the_control_plane_call_id_and_the_variables_until_the_callee_hangs_up()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start("outbound-callee-answer-bye.xml", target: null);
        await Task.Delay(300); // let sipp bind; a lost first INVITE would be retransmitted anyway
        var (placer, handler) = Placer(server, sipp);

        var result = await placer.DialAsync(Command(), CancellationToken.None).DefaultTimeout();

        Assert.Equal(new DialResult(DialOutcome.Answered, 200, "200 OK"), result);
        var call = await handler.Received.Task.DefaultTimeout();
        Assert.Equal("call-out-test-1", call.Call.SipHeaders[AgentCallHeaders.CallId]);
        Assert.Equal("Ada", call.Call.SipHeaders[OutboundCallHeaders.VariablePrefix + "firstName"]);
        Assert.Equal("outbound", call.Call.SipHeaders[OutboundCallHeaders.Direction]);
        Assert.Equal("PCMU/8000", call.Call.Codec);
        var ended = await handler.Ended.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp (callee) failed:\n{output}");
    }

    [SkippableTheory]
    [InlineData("outbound-callee-busy.xml", DialOutcome.Busy, 486, "486 Busy Here")]
    [InlineData("outbound-callee-unavailable.xml", DialOutcome.Failed, 503, "503 Service Unavailable")]
    public async Task A_refused_call_is_reported_by_its_SIP_status_and_runs_no_handler(string scenario, DialOutcome outcome, int status, string reason)
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start(scenario, target: null);
        await Task.Delay(300);
        var (placer, handler) = Placer(server, sipp);

        var result = await placer.DialAsync(Command(), CancellationToken.None).DefaultTimeout();

        Assert.Equal(new DialResult(outcome, status, reason), result);
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp did not get our ACK:\n{output}");
        Assert.False(handler.Received.Task.IsCompleted);
        Assert.Equal(0, server.Media.ActiveSessions);
    }

    [SkippableFact]
    public async Task A_call_nobody_answers_is_cancelled_at_the_ring_timeout_and_reported_as_no_answer()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start("uas-callee-ring-cancelled.xml", target: null);
        await Task.Delay(300);
        var (placer, handler) = Placer(server, sipp);

        var result = await placer.DialAsync(Command(ringSeconds: 1), CancellationToken.None).DefaultTimeout();

        Assert.Equal(DialOutcome.NoAnswer, result.Outcome);
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp did not see a matching CANCEL:\n{output}");
        Assert.False(handler.Received.Task.IsCompleted);
    }

    [SkippableFact]
    public async Task A_dial_repeated_with_the_same_call_id_after_its_requester_went_away_rings_the_callee_once_and_gets_its_result()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start("outbound-callee-busy.xml", target: null);
        await Task.Delay(300);
        var (placer, _) = Placer(server, sipp);
        using var gone = new CancellationTokenSource();

        var first = placer.DialAsync(Command(), gone.Token);
        gone.Cancel(); // the control plane stopped mid-dial; its activity runs again after the restart
        var again = await placer.DialAsync(Command(), CancellationToken.None).DefaultTimeout();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(new DialResult(DialOutcome.Busy, 486, "486 Busy Here"), again);
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp (one call) failed:\n{output}");
    }

    [Fact]
    public async Task Without_a_configured_trunk_nothing_is_dialled_and_the_reason_names_the_setting()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        var placer = new OutboundCallPlacer(() => server.Agent, new RecordingHandler(), new OutboundDialOptions(), _ => null, NullLogger<OutboundCallPlacer>.Instance, TimeProvider.System);

        var result = await placer.DialAsync(Command(), CancellationToken.None);

        Assert.Equal(DialOutcome.Failed, result.Outcome);
        Assert.Contains("Outbound:Trunk", result.Reason);
    }

    private sealed class RecordingHandler : ICallHandler
    {
        public TaskCompletionSource<IIncomingCall> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<CallEnded> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
        {
            Received.TrySetResult(call);
            var session = await call.AnswerAsync(cancellationToken);
            Ended.TrySetResult(await session.Ended);
        }
    }
}
