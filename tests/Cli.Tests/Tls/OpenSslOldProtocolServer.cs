using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests.Tls;

/// <summary>
/// openssl s_server on loopback offering TLS 1.1 only (security level 0, so OpenSSL 3 allows it): a real server of the
/// kind doctor must fail, which .NET's own SslStream cannot play (the platform refuses to serve below TLS 1.2).
/// </summary>
public sealed class OpenSslOldProtocolServer : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private OpenSslOldProtocolServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<OpenSslOldProtocolServer> StartAsync(X509Certificate2 certificate)
    {
        var openssl = RequiredTool.Command("openssl", "scripts/install-test-deps.sh (Debian openssl)");
        var folder = Directory.CreateTempSubdirectory("voicectl-tls11-").FullName;
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var port = FreePort.Next();
        var start = new ProcessStartInfo(openssl) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in (string[])["s_server", "-accept", $"127.0.0.1:{port}", "-cert", "cert.pem", "-key", "key.pem", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-quiet"])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new OpenSslOldProtocolServer(process, folder, port);
        // Ready once it accepts a connection (this one is closed before any handshake; s_server goes on to the next).
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
