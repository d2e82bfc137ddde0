using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>The real sipp calls our stack over UDP on loopback; each committed scenario must complete (exit 0).</summary>
[Trait("Category", "Interop")]
public sealed class SippUacInteropTests
{
    private static async Task RunAsync(string scenario, LoopbackSipServer server)
    {
        using var sipp = Sipp.Start(scenario, server.Endpoint);
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp {scenario} failed:\n{output}");
    }

    [SkippableFact]
    public async Task Sipp_basic_call_is_answered_and_ended_by_the_callers_BYE()
    {
        var handler = ScriptedCallHandler.AnswerAndHold();
        using var server = new LoopbackSipServer(handler);
        await RunAsync("uac-basic-call.xml", server);
        var ended = await handler.FirstEnded.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);
        Assert.Equal(0, server.Agent.ActiveCalls);
        Assert.Equal(0, server.Media.ActiveSessions);
    }

    [SkippableFact]
    public async Task Sipp_cancel_before_answer_gets_487()
    {
        var ringing = new TaskCompletionSource<IIncomingCall>();
        var handler = new ScriptedCallHandler(call =>
        {
            ringing.TrySetResult(call);
            return Task.CompletedTask; // never answers: the caller gives up
        });
        using var server = new LoopbackSipServer(handler);
        await RunAsync("uac-cancel.xml", server);
        var call = await ringing.Task.DefaultTimeout();
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.AnswerAsync(CancellationToken.None));
        Assert.Equal(0, server.Agent.ActiveCalls);
    }

    [SkippableFact]
    public async Task Sipp_retransmitted_INVITE_makes_one_call()
    {
        var handler = ScriptedCallHandler.AnswerAndHold();
        using var server = new LoopbackSipServer(handler);
        await RunAsync("uac-retransmitted-invite.xml", server);
        await handler.FirstEnded.Task.DefaultTimeout();
        Assert.Equal(1, handler.Calls);
        Assert.Equal(1, server.Metrics.Get("sip_calls_total"));
    }

    [SkippableFact]
    public async Task Sipp_lost_ACK_gets_the_200_retransmitted_then_our_BYE_at_timer_H()
    {
        var handler = ScriptedCallHandler.AnswerAndHold();
        // T1 = 50 ms makes Timer H 3.2 s, so the test stays short.
        using var server = new LoopbackSipServer(handler, new SipTimerSettings(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(500)));
        await RunAsync("uac-lost-ack.xml", server);
        var ended = await handler.FirstEnded.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.Error, ended.Reason);
        Assert.True(server.Metrics.Get("sip_responses_total{method=\"INVITE\",code=\"200\"}") >= 1);
    }

    [SkippableFact]
    public async Task Sipp_OPTIONS_probe_gets_200_with_Allow()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        await RunAsync("uac-options.xml", server);
    }

    [SkippableFact]
    public async Task Sipp_unknown_method_gets_501()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        await RunAsync("uac-unknown-method.xml", server);
    }

    [SkippableFact]
    public async Task Sipp_re_INVITE_holds_and_resumes_the_call()
    {
        var handler = ScriptedCallHandler.AnswerAndHold();
        using var server = new LoopbackSipServer(handler);
        await RunAsync("uac-hold-unhold.xml", server);
        Assert.Equal(CallEndReason.CallerHangUp, (await handler.FirstEnded.Task.DefaultTimeout()).Reason);
    }

    [SkippableFact]
    public async Task Sipp_receives_our_BYE_when_we_hang_up()
    {
        var ended = new TaskCompletionSource<CallEnded>();
        var handler = new ScriptedCallHandler(async call =>
        {
            var session = await call.AnswerAsync(CancellationToken.None);
            await Task.Delay(500);
            await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
            ended.TrySetResult(await session.Ended);
        });
        using var server = new LoopbackSipServer(handler);
        await RunAsync("uac-bye-from-callee.xml", server);
        Assert.Equal(CallEndReason.AgentHangUp, (await ended.Task.DefaultTimeout()).Reason);
    }

    [SkippableFact]
    public async Task Sipp_accepts_our_REFER_and_its_NOTIFY_completes_the_transfer()
    {
        var transfer = new TaskCompletionSource<TransferResult>();
        var handler = new ScriptedCallHandler(async call =>
        {
            var session = await call.AnswerAsync(CancellationToken.None);
            await Task.Delay(300);
            transfer.TrySetResult(await session.TransferAsync("sip:operator@127.0.0.1", CancellationToken.None));
        });
        using var server = new LoopbackSipServer(handler);
        await RunAsync("uac-refer-notify.xml", server);
        var result = await transfer.Task.DefaultTimeout();
        Assert.True(result.Succeeded, result.Detail);
    }
}
