using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// The real sipp sends the same in-dialog requests (INFO with a body we do not read, INFO for an Info Package, INFO
/// dtmf-relay, OPTIONS, UPDATE, BYE) on a call we received and on a call we placed; both scenarios check the same
/// answers (415 + Accept, 469 + Recv-Info, 200, 200 + Allow/Accept, 405 + Allow, 200), so sipp exits 0 only when
/// both legs answer alike.
/// </summary>
[Trait("Category", "Interop")]
public sealed class SippInDialogInteropTests
{
    [SkippableFact]
    public async Task On_a_call_we_received_sipps_in_dialog_requests_get_the_RFC_answers_and_the_INFO_digit_arrives()
    {
        var digit = new TaskCompletionSource<DtmfDigit>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource<CallEnded>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedCallHandler(async call =>
        {
            var session = await call.AnswerAsync(CancellationToken.None);
            _ = FirstDigitAsync(session, digit);
            ended.TrySetResult(await session.Ended);
        });
        using var server = new LoopbackSipServer(handler);
        using var sipp = Sipp.Start("uac-in-dialog-requests.xml", server.Endpoint);

        var (exitCode, output) = await sipp.WaitAsync();

        Assert.True(exitCode == 0, $"sipp saw an answer other than the expected one:\n{output}");
        Assert.Equal('#', (await digit.Task.DefaultTimeout()).Digit);
        Assert.Equal(CallEndReason.CallerHangUp, (await ended.Task.DefaultTimeout()).Reason);
    }

    [SkippableFact]
    public async Task On_a_call_we_placed_sipps_in_dialog_requests_get_the_same_answers_and_the_INFO_digit_arrives()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start("uas-callee-in-dialog-requests.xml", target: null);
        var callee = new IPEndPoint(IPAddress.Loopback, sipp.Port);
        await Task.Delay(300); // let sipp bind; a lost first INVITE would be retransmitted anyway (Timer A)

        var session = await server.Agent.PlaceCallAsync(
            new SipOutboundCallRequest($"sip:+15550001111@{callee}", callee, "agent"), CancellationToken.None).DefaultTimeout();
        var digit = new TaskCompletionSource<DtmfDigit>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = FirstDigitAsync(session, digit);
        var (exitCode, output) = await sipp.WaitAsync();

        Assert.True(exitCode == 0, $"sipp saw an answer other than the expected one:\n{output}");
        Assert.Equal('#', (await digit.Task.DefaultTimeout()).Digit);
        Assert.Equal(CallEndReason.CallerHangUp, (await session.Ended.DefaultTimeout()).Reason);
        Assert.Equal(0, server.Agent.ActiveCalls);
    }

    private static async Task FirstDigitAsync(ICallSession session, TaskCompletionSource<DtmfDigit> digit)
    {
        await foreach (var received in session.DtmfDigits(CancellationToken.None))
        {
            digit.TrySetResult(received);
            return;
        }
        digit.TrySetException(new InvalidOperationException("the call ended without a DTMF digit"));
    }
}
