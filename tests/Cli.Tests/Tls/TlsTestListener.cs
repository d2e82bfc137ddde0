using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.Cli.Tests.Tls;

/// <summary>A loopback TLS server made in the test: shakes hands with the given certificate (or speaks no TLS at all) and closes.</summary>
public sealed class TlsTestListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TlsTestListener(X509Certificate2? certificate)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = AcceptAsync(certificate);
    }

    public int Port { get; }

    private async Task AcceptAsync(X509Certificate2? certificate)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ServeAsync(client, certificate);
        }
    }

    private static async Task ServeAsync(TcpClient client, X509Certificate2? certificate)
    {
        using (client)
        {
            try
            {
                if (certificate is null)
                {
                    // Not TLS: an HTTP-ish greeting, then close.
                    await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());
                    return;
                }
                await using var ssl = new SslStream(client.GetStream());
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate });
                // Wait for the client to go away (0 bytes) or send anything.
                _ = await ssl.ReadAsync(new byte[1]);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
            {
                // The client judged and left; nothing to serve.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
