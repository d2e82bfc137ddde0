using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// baresip (a real softphone, driven over ctrl_tcp) and our stack calling each other: signalling and SDP
/// negotiation in both directions, and a hang-up from each side. The audio itself is checked by the media tests.
/// </summary>
[Trait("Category", "Interop")]
public sealed class BaresipInteropTests
{
    [SkippableFact]
    public async Task Baresip_calls_us_negotiates_PCMU_and_its_hang_up_ends_the_call()
    {
        var codec = new TaskCompletionSource<string>();
        var ended = new TaskCompletionSource<CallEnded>();
        var handler = new ScriptedCallHandler(async call =>
        {
            codec.TrySetResult(call.Call.Codec);
            var session = await call.AnswerAsync(CancellationToken.None);
            ended.TrySetResult(await session.Ended);
        });
        using var server = new LoopbackSipServer(handler);
        using var baresip = await BaresipPeer.StartAsync();

        await baresip.DialAsync($"sip:+15550001111@{server.Endpoint}");
        Assert.Equal("PCMU/8000", await codec.Task.DefaultTimeout());
        await baresip.Control.WaitForEventAsync("CALL_ESTABLISHED");
        await baresip.HangUpAsync();

        var end = await ended.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, end.Reason);
        Assert.Equal(0, server.Agent.ActiveCalls);
        Assert.Contains("Set audio decoder: PCMU 8000Hz", baresip.Output);
    }

    [SkippableFact]
    public async Task We_call_baresip_it_answers_with_PCMU_and_our_hang_up_closes_its_call()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var baresip = await BaresipPeer.StartAsync(new BaresipPeerOptions { AutoAnswer = true });

        var session = await server.Agent.PlaceCallAsync(new SipOutboundCallRequest(baresip.Uri, baresip.SipEndpoint, "agent"), CancellationToken.None)
            .DefaultTimeout();
        Assert.Equal("PCMU/8000", session.Call.Codec);
        await baresip.Control.WaitForEventAsync("CALL_ESTABLISHED");

        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
        var closed = await baresip.Control.WaitForEventAsync("CALL_CLOSED");
        Assert.Equal(CallEndReason.AgentHangUp, (await session.Ended.DefaultTimeout()).Reason);
        Assert.Equal(0, server.Agent.ActiveCalls);
        Assert.Contains("Set audio encoder: PCMU 8000Hz", baresip.Output);
        Assert.DoesNotContain("error", closed.Param ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task We_call_baresip_and_its_hang_up_ends_our_call()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var baresip = await BaresipPeer.StartAsync(new BaresipPeerOptions { AutoAnswer = true });

        var session = await server.Agent.PlaceCallAsync(new SipOutboundCallRequest(baresip.Uri, baresip.SipEndpoint, "agent"), CancellationToken.None)
            .DefaultTimeout();
        await baresip.Control.WaitForEventAsync("CALL_ESTABLISHED");
        await baresip.HangUpAsync();

        var ended = await session.Ended.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);
        Assert.Equal(0, server.Agent.ActiveCalls);
    }

    [SkippableFact]
    public async Task We_call_baresip_that_accepts_only_PCMA_and_the_call_settles_on_PCMA()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var baresip = await BaresipPeer.StartAsync(new BaresipPeerOptions { AudioCodecs = ["PCMA/8000"] });

        var session = await server.Agent.PlaceCallAsync(new SipOutboundCallRequest(baresip.Uri, baresip.SipEndpoint, "agent"), CancellationToken.None)
            .DefaultTimeout();

        Assert.Equal("PCMA/8000", session.Call.Codec);
        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
        await baresip.Control.WaitForEventAsync("CALL_CLOSED");

        await baresip.QuitAsync(); // what the media tests do before reading baresip's recording
        Assert.True(baresip.HasExited);
    }
}
