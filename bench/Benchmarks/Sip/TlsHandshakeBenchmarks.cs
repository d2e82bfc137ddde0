using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.Benchmarks.Sip;

/// <summary>
/// The MediaHost's SIP-over-TLS listener on loopback (TcpSipTransport with an ECDSA P-256 certificate, as configured in
/// production): one operation is a client connecting, completing the TLS handshake (1.3, or 1.2 when forced) and closing.
/// The handshake rate one core sustains is 1 / Mean (both ends run on this machine, so the server's share is below that).
/// </summary>
[MemoryDiagnoser]
public class TlsHandshakeBenchmarks
{
    private X509Certificate2 _certificate = null!;
    private TcpSipTransport _listener = null!;

    [Params(SslProtocols.Tls13, SslProtocols.Tls12)]
    public SslProtocols Protocol { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bench", key, HashAlgorithmName.SHA256);
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        _listener = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), SipLimits.Default, NullLogger.Instance,
            tls: new SipTlsOptions { Certificate = _certificate });
        _listener.Start(_ => { });
    }

    [Benchmark]
    public async Task<int> ConnectAndHandshake()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_listener.LocalEndpoint);
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            EnabledSslProtocols = Protocol,
            RemoteCertificateValidationCallback = (_, _, _, _) => true, // the bench's own self-signed certificate
        });
        return (int)tls.SslProtocol;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener.Dispose();
        _certificate.Dispose();
    }
}
