using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Sip.Transport;
using VoiceFunctions.MediaHost.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// SIP over TLS with baresip (libre's TLS over OpenSSL) in both directions: it calls our TLS port, and we call its
/// (baresip's TLS listener is its SIP port + 1). Certificates are made in the test; we trust baresip's by fingerprint.
/// </summary>
[Trait("Category", "Interop")]
public sealed class BaresipTlsInteropTests
{
    [SkippableFact]
    public async Task Baresip_calls_our_TLS_port_the_call_connects_with_PCMU_and_its_hang_up_ends_it()
    {
        using var certificate = TestCertificates.Loopback();
        var codec = new TaskCompletionSource<string>();
        var ended = new TaskCompletionSource<CallEnded>();
        var handler = new ScriptedCallHandler(async call =>
        {
            codec.TrySetResult(call.Call.Codec);
            var session = await call.AnswerAsync(CancellationToken.None);
            ended.TrySetResult(await session.Ended);
        });
        using var server = new LoopbackSipServer(handler, tls: new SipTlsOptions { Certificate = certificate });
        using var baresip = await BaresipPeer.StartAsync();

        await baresip.DialAsync($"sip:+15550001111@{server.TlsTransport!.LocalEndpoint};transport=tls");
        Assert.Equal("PCMU/8000", await codec.Task.DefaultTimeout());
        await baresip.Control.WaitForEventAsync("CALL_ESTABLISHED");
        await baresip.HangUpAsync();

        Assert.Equal(CallEndReason.CallerHangUp, (await ended.Task.DefaultTimeout()).Reason);
        Assert.Equal(0, server.Agent.ActiveCalls);
        Assert.Contains("transport=tls", baresip.Output);
    }

    [SkippableFact]
    public async Task We_call_baresip_over_TLS_trusting_its_pinned_certificate_and_our_hang_up_closes_its_call()
    {
        using var ours = TestCertificates.Loopback("mediahost");
        using var theirs = TestCertificates.Loopback("baresip");
        var pem = TestCertificates.WritePem(theirs, Path.Combine(Path.GetTempPath(), $"baresip-{Guid.NewGuid():N}.pem"));
        try
        {
            using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(),
                tls: new SipTlsOptions { Certificate = ours, TrustedPeerFingerprints = [TestCertificates.Fingerprint(theirs)] });
            using var baresip = await BaresipPeer.StartAsync(new BaresipPeerOptions { AutoAnswer = true, ExtraConfig = [$"sip_certificate {pem}"] });
            var tlsEndpoint = new IPEndPoint(IPAddress.Loopback, baresip.SipEndpoint.Port + 1);

            var session = await server.Agent.PlaceCallAsync(
                new SipOutboundCallRequest($"sip:{baresip.Options.User}@{tlsEndpoint};transport=tls", tlsEndpoint, "agent"), CancellationToken.None).DefaultTimeout();
            Assert.Equal("PCMU/8000", session.Call.Codec);
            await baresip.Control.WaitForEventAsync("CALL_ESTABLISHED");

            await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
            await baresip.Control.WaitForEventAsync("CALL_CLOSED");
            Assert.Equal(CallEndReason.AgentHangUp, (await session.Ended.DefaultTimeout()).Reason);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [SkippableFact]
    public async Task We_refuse_to_call_a_TLS_peer_whose_certificate_we_neither_trust_nor_pinned()
    {
        using var ours = TestCertificates.Loopback("mediahost");
        using var theirs = TestCertificates.Loopback("baresip");
        var pem = TestCertificates.WritePem(theirs, Path.Combine(Path.GetTempPath(), $"baresip-{Guid.NewGuid():N}.pem"));
        try
        {
            // A failed handshake leaves the INVITE unanswered: Timer B (64*T1) ends it, shortened here to 3.2 s.
            using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(), timers: SipTimerSettings.Default with { T1 = TimeSpan.FromMilliseconds(50) },
                tls: new SipTlsOptions { Certificate = ours });
            using var baresip = await BaresipPeer.StartAsync(new BaresipPeerOptions { AutoAnswer = true, ExtraConfig = [$"sip_certificate {pem}"] });
            var tlsEndpoint = new IPEndPoint(IPAddress.Loopback, baresip.SipEndpoint.Port + 1);

            var failure = await Assert.ThrowsAsync<SipCallFailedException>(() => server.Agent.PlaceCallAsync(
                new SipOutboundCallRequest($"sip:{baresip.Options.User}@{tlsEndpoint};transport=tls", tlsEndpoint, "agent"), CancellationToken.None).DefaultTimeout());
            Assert.Equal(0, server.Agent.ActiveCalls);
            Assert.DoesNotContain("CALL_INCOMING", baresip.Output);
            Assert.Equal(408, failure.Status);
        }
        finally
        {
            File.Delete(pem);
        }
    }
}
