using System.Security.Cryptography.X509Certificates;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests.Tls;

/// <summary>
/// openssl s_server on loopback offering TLS 1.1 only (security level 0, so OpenSSL 3 allows it): a real server of the
/// kind doctor must fail, which .NET's own SslStream cannot play (the platform refuses to serve below TLS 1.2).
/// </summary>
public sealed class OpenSslOldProtocolServer(ToolProcess openssl, int port) : IDisposable
{
    public int Port => port;

    public static async Task<OpenSslOldProtocolServer> StartAsync(X509Certificate2 certificate)
    {
        var tool = RequiredTool.Command("openssl", "scripts/install-test-deps.sh (Debian openssl)");
        var folder = Directory.CreateTempSubdirectory("voicectl-tls11-").FullName;
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var port = FreePort.Next();
        var process = ToolProcess.Start(tool, folder, "s_server", "-accept", $"127.0.0.1:{port}", "-cert", "cert.pem", "-key", "key.pem",
            "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-quiet");
        try
        {
            // This connection closes before any handshake; s_server goes on to the next one.
            await process.WaitForTcpListenerAsync(port, "openssl s_server");
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new OpenSslOldProtocolServer(process, port);
    }

    public void Dispose() => openssl.Dispose();
}
