using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace VoiceFunctions.Cli.Doctor.Carrier;

/// <summary>
/// Sends one SIP OPTIONS to host:port over UDP, TCP or TLS and reports what came back, telling a refusal (reset,
/// ICMP port unreachable), an unreachable network and silence apart. UDP is retransmitted on RFC 3261's T1
/// schedule (0.5 s, 1 s, 2 s …) within the timeout, so one lost datagram is not "silent".
/// </summary>
public sealed class SipOptionsProbe(TimeSpan timeout, TimeProvider time)
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    public async Task<ProbeResult> ProbeAsync(string host, int port, ProbeTransport transport, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        IPAddress address;
        try
        {
            address = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? literal
                : (await Dns.GetHostAddressesAsync(host, limit.Token)).First();
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException)
        {
            return new ProbeResult(ProbeOutcome.Unresolvable, Error: $"{host} does not resolve: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(ProbeOutcome.Unresolvable, Error: $"{host}: no DNS answer within {timeout.TotalSeconds:0.#} s");
        }
        var endpoint = new IPEndPoint(address, port);
        try
        {
            return transport == ProbeTransport.Udp
                ? await UdpAsync(host, endpoint, limit.Token)
                : await StreamAsync(host, endpoint, transport == ProbeTransport.Tls, limit.Token);
        }
        catch (SocketException e)
        {
            return Classify(e);
        }
        catch (AuthenticationException e)
        {
            return new ProbeResult(ProbeOutcome.TlsFailed, Error: e.Message);
        }
        catch (IOException e) when (e.InnerException is SocketException socket)
        {
            return Classify(socket);
        }
        catch (IOException e)
        {
            return new ProbeResult(ProbeOutcome.TlsFailed, Error: e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(ProbeOutcome.Silent, Error: $"no answer within {timeout.TotalSeconds:0.#} s");
        }
    }

    private static ProbeResult Classify(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused or SocketError.ConnectionReset => new ProbeResult(ProbeOutcome.Refused, Error: e.Message),
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.AddressNotAvailable
            => new ProbeResult(ProbeOutcome.Unreachable, Error: e.Message),
        SocketError.TimedOut => new ProbeResult(ProbeOutcome.Silent, Error: e.Message),
        _ => new ProbeResult(ProbeOutcome.Unreachable, Error: e.Message),
    };

    private async Task<ProbeResult> UdpAsync(string host, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // Connected, so the kernel reports ICMP port unreachable as ConnectionRefused on the next receive.
        await socket.ConnectAsync(endpoint, cancellationToken);
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var request = SipOptionsMessage.Create(host, endpoint.Port, "UDP", local.Address.ToString(), local.Port);
        var bytes = request.Bytes;
        var buffer = new byte[65535];
        var started = time.GetTimestamp();
        var wait = T1;
        while (true)
        {
            await socket.SendAsync(bytes, cancellationToken);
            using var retransmit = new CancellationTokenSource(wait, time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, retransmit.Token);
            try
            {
                while (true)
                {
                    var received = await socket.ReceiveAsync(buffer, attempt.Token);
                    var text = Encoding.UTF8.GetString(buffer, 0, received);
                    if (request.TryReadResponse(text, out var status, out var reason) && status >= 200)
                    {
                        return new ProbeResult(ProbeOutcome.Answered, status, reason, time.GetElapsedTime(started));
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                wait = wait * 2 > TimeSpan.FromSeconds(4) ? TimeSpan.FromSeconds(4) : wait * 2;
            }
        }
    }

    private async Task<ProbeResult> StreamAsync(string host, IPEndPoint endpoint, bool tls, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        var started = time.GetTimestamp();
        await socket.ConnectAsync(endpoint, cancellationToken);
        var local = (IPEndPoint)socket.LocalEndPoint!;
        Stream stream = new NetworkStream(socket, ownsSocket: false);
        await using var _ = stream;
        if (tls)
        {
            // The certificate is judged by the tls check; here only "does SIP answer over TLS" matters.
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, cancellationToken);
            stream = ssl;
        }
        var request = SipOptionsMessage.Create(host, endpoint.Port, tls ? "TLS" : "TCP", local.Address.ToString(), local.Port);
        await stream.WriteAsync(request.Bytes, cancellationToken);
        var received = new StringBuilder();
        var buffer = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return new ProbeResult(ProbeOutcome.Refused, Error: "the connection was closed without a SIP answer");
            }
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            // Responses to OPTIONS carry no body we need: a blank line ends each one.
            int end;
            while ((end = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
            {
                var message = received.ToString(0, end + 4);
                received.Remove(0, end + 4);
                if (request.TryReadResponse(message, out var status, out var reason) && status >= 200)
                {
                    return new ProbeResult(ProbeOutcome.Answered, status, reason, time.GetElapsedTime(started));
                }
            }
        }
    }
}
