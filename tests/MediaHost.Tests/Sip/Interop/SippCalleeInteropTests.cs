using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>We place a call to sipp as the callee, which challenges (401/407, MD5/SHA-256), answers, then hangs up.</summary>
[Trait("Category", "Interop")]
public sealed class SippCalleeInteropTests
{
    [SkippableTheory]
    [InlineData("uas-callee-401-md5.xml")]
    [InlineData("uas-callee-401-sha256.xml")]
    [InlineData("uas-callee-407-md5.xml")]
    [InlineData("uas-callee-407-sha256.xml")]
    public async Task Our_INVITE_answers_the_challenge_is_answered_and_ends_with_the_callees_BYE(string scenario)
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start(scenario, target: null);
        var callee = new IPEndPoint(IPAddress.Loopback, sipp.Port);
        await Task.Delay(300); // let sipp bind; a lost first INVITE would be retransmitted anyway (Timer A)

        var placed = server.Agent.PlaceCallAsync(
            new SipOutboundCallRequest($"sip:+15550001111@{callee}", callee, "agent", new DigestCredentials("agent", "s3cret")),
            CancellationToken.None);
        var sippDone = sipp.WaitAsync();
        if (await Task.WhenAny(placed, sippDone) == sippDone && !placed.IsCompleted)
        {
            Assert.Fail($"sipp ended before the call was answered:\n{(await sippDone).Output}");
        }
        var session = await placed.DefaultTimeout();
        Assert.Equal("PCMA/8000", session.Call.Codec);
        var ended = await session.Ended.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);

        var (exitCode, output) = await sippDone;
        Assert.True(exitCode == 0, $"sipp {scenario} failed:\n{output}");
        Assert.Equal(0, server.Agent.ActiveCalls);
    }

    [SkippableFact]
    public async Task Callee_re_INVITEs_for_hold_and_a_codec_change_are_answered_and_the_call_continues()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start("uas-callee-reinvite-hold.xml", target: null);
        var callee = new IPEndPoint(IPAddress.Loopback, sipp.Port);
        await Task.Delay(300);

        var session = await server.Agent.PlaceCallAsync(
            new SipOutboundCallRequest($"sip:+15550001111@{callee}", callee, "agent"), CancellationToken.None).DefaultTimeout();
        var (exitCode, output) = await sipp.WaitAsync();

        Assert.True(exitCode == 0, $"sipp's re-INVITEs were not answered as expected (recvonly for hold, PCMA after the change):\n{output}");
        var ended = await session.Ended.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);
        Assert.Equal(0, server.Agent.ActiveCalls);
    }

    [SkippableFact]
    public async Task Giving_up_on_a_ringing_call_sends_a_CANCEL_sipp_accepts_and_the_INVITE_ends_487()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start("uas-callee-ring-cancelled.xml", target: null);
        var callee = new IPEndPoint(IPAddress.Loopback, sipp.Port);
        await Task.Delay(300);
        using var ringTimeout = new CancellationTokenSource();

        var placed = server.Agent.PlaceCallAsync(new SipOutboundCallRequest($"sip:+15550001111@{callee}", callee, "agent"), ringTimeout.Token);
        await Task.Delay(500); // let it ring
        ringTimeout.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => placed.DefaultTimeout());
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp did not see a matching CANCEL and ACK:\n{output}");
        Assert.Equal(0, server.Agent.ActiveCalls);
    }

    [SkippableFact]
    public async Task A_call_to_a_TCP_target_is_placed_challenged_answered_and_ended_over_TCP()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(), tcp: true);
        using var sipp = Sipp.Start("uas-callee-401-md5.xml", target: null, "-t", "t1");
        var callee = new IPEndPoint(IPAddress.Loopback, sipp.Port);
        await Task.Delay(300);

        var session = await server.Agent.PlaceCallAsync(
            new SipOutboundCallRequest($"sip:+15550001111@{callee};transport=tcp", callee, "agent", new DigestCredentials("agent", "s3cret")),
            CancellationToken.None).DefaultTimeout();
        var ended = await session.Ended.DefaultTimeout();

        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp over TCP failed:\n{output}");
    }

    [Fact]
    public async Task A_TCP_target_without_SIP_over_TCP_fails_at_once_with_503_and_allocates_no_media()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        var callee = new IPEndPoint(IPAddress.Loopback, 5999);

        var failure = await Assert.ThrowsAsync<SipCallFailedException>(() => server.Agent.PlaceCallAsync(
            new SipOutboundCallRequest("sip:x@127.0.0.1:5999;transport=tcp", callee, "agent"), CancellationToken.None));

        Assert.Equal(503, failure.Status);
        Assert.Equal(0, server.Media.ActiveSessions);
    }
}
