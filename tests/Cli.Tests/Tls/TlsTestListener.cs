using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.Cli.Tests.Tls;

/// <summary>
/// A loopback TLS server made in the test: shakes hands with the given certificate (or speaks no TLS at all); with
/// <c>answerSip</c>, it then answers one SIP request with 200 OK, as a carrier's SIP-over-TLS port does.
/// </summary>
public sealed class TlsTestListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private readonly bool _answerSip;

    public TlsTestListener(X509Certificate2? certificate, bool answerSip = false)
    {
        _answerSip = answerSip;
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
            _ = ServeAsync(client, certificate, _answerSip);
        }
    }

    private static async Task ServeAsync(TcpClient client, X509Certificate2? certificate, bool answerSip)
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
                if (answerSip)
                {
                    await AnswerSipAsync(ssl);
                    return;
                }
                // Wait for the client to go away (0 bytes) or send anything.
                _ = await ssl.ReadAsync(new byte[1]);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
            {
                // The client judged and left; nothing to serve.
            }
        }
    }

    /// <summary>Reads one request (headers end at a blank line) and answers 200 OK with its Via, From, To, Call-ID and CSeq.</summary>
    private static async Task AnswerSipAsync(SslStream ssl)
    {
        var received = new System.Text.StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await ssl.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }
            received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
        }
        var echoed = received.ToString().Split("\r\n")
            .Where(l => l.StartsWith("Via:", StringComparison.Ordinal) || l.StartsWith("From:", StringComparison.Ordinal) || l.StartsWith("To:", StringComparison.Ordinal)
                || l.StartsWith("Call-ID:", StringComparison.Ordinal) || l.StartsWith("CSeq:", StringComparison.Ordinal));
        var response = "SIP/2.0 200 OK\r\n" + string.Join("\r\n", echoed) + "\r\nContent-Length: 0\r\n\r\n";
        await ssl.WriteAsync(System.Text.Encoding.ASCII.GetBytes(response));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
