using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Tests.Sip.Interop;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Transport;

/// <summary>Our TLS transport against .NET's own TLS client on loopback, and the options that guard it.</summary>
public sealed class TlsSipTransportTests
{
    [Fact]
    public async Task An_OPTIONS_over_TLS_is_answered_on_the_same_connection_with_a_TLS_Via()
    {
        using var certificate = TestCertificates.Loopback();
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(), tls: new SipTlsOptions { Certificate = certificate });
        using var client = new TcpClient();
        await client.ConnectAsync(server.TlsTransport!.LocalEndpoint);
        await using var tls = new SslStream(client.GetStream(), false, (_, cert, _, _) => cert is not null && TestCertificates.Fingerprint(new(cert)) == TestCertificates.Fingerprint(certificate));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1" }).DefaultTimeout();

        await tls.WriteAsync(SipCorpusExchange.Options("tls-probe", "TLS", (System.Net.IPEndPoint)client.Client.LocalEndPoint!));
        var buffer = new byte[4096];
        var read = await tls.ReadAsync(buffer).AsTask().DefaultTimeout();
        var answer = Encoding.ASCII.GetString(buffer, 0, read);

        Assert.StartsWith("SIP/2.0 200 OK", answer);
        Assert.Contains("Via: SIP/2.0/TLS", answer);
        Assert.True(tls.SslProtocol >= SslProtocols.Tls12, $"negotiated {tls.SslProtocol}");
    }

    [Fact]
    public async Task Plain_SIP_sent_to_the_TLS_port_gets_no_SIP_answer_and_the_connection_is_closed()
    {
        using var certificate = TestCertificates.Loopback();
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(), tls: new SipTlsOptions { Certificate = certificate });

        var (status, probeAnswered, seen) = await SipCorpusExchange.TcpAsync(
            SipCorpusExchange.Options("plain", "TCP", server.Endpoint), server.TlsTransport!.LocalEndpoint, answerExpected: true, "plain");

        Assert.Null(status);
        Assert.False(probeAnswered, seen); // the probe is plain TCP too: no TLS, no SIP
    }

    [Fact]
    public void Options_refuse_protocols_older_than_TLS_1_2()
    {
        using var certificate = TestCertificates.Loopback();
#pragma warning disable SYSLIB0039, CS0618
        var weak = new SipTlsOptions { Certificate = certificate, Protocols = SslProtocols.Tls11 | SslProtocols.Tls12 };
#pragma warning restore SYSLIB0039, CS0618
        Assert.Contains("TLS 1.2 or later", Assert.Throws<ArgumentException>(weak.Validate).Message);
    }

    [Fact]
    public void Options_refuse_a_certificate_without_its_private_key()
    {
        using var certificate = TestCertificates.Loopback();
        using var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate.RawData);
        Assert.Contains("no private key", Assert.Throws<ArgumentException>(new SipTlsOptions { Certificate = publicOnly }.Validate).Message);
    }

    [Fact]
    public void An_untrusted_peer_certificate_is_accepted_only_when_its_fingerprint_is_pinned()
    {
        using var ours = TestCertificates.Loopback("ours");
        using var peer = TestCertificates.Loopback("peer");
        using var other = TestCertificates.Loopback("other");
        var pinned = new SipTlsOptions { Certificate = ours, TrustedPeerFingerprints = [FormatWithColons(TestCertificates.Fingerprint(peer))] };

        Assert.True(SipTlsHandshake.Trusted(peer, SslPolicyErrors.RemoteCertificateChainErrors, pinned));
        Assert.False(SipTlsHandshake.Trusted(other, SslPolicyErrors.RemoteCertificateChainErrors, pinned));
        Assert.False(SipTlsHandshake.Trusted(peer, SslPolicyErrors.RemoteCertificateChainErrors, new SipTlsOptions { Certificate = ours }));
        Assert.True(SipTlsHandshake.Trusted(other, SslPolicyErrors.None, pinned));
    }

    private static string FormatWithColons(string hex) => string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)));
}
