using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>
/// One TCP connection (TLS over it when <paramref name="tls"/> is set): a framing read loop (SipStreamReader over a pipe)
/// and a bounded write queue. Connect and handshake time out on <paramref name="time"/>.
/// </summary>
internal sealed class TcpSipConnection(TcpClient client, IPEndPoint remote, ISipTransport transport, SipLimits limits, SipTlsOptions? tls,
    TimeProvider time, ILogger logger, CancellationToken stopping) : IDisposable
{
    /// <summary>How long connecting to a peer may take (then the queued messages are dropped and the failure logged).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    // Bounded: a peer that stops reading cannot make us buffer without limit; the oldest unsent message is dropped.
    private readonly Channel<ReadOnlyMemory<byte>> _outgoing = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(ReadOnlyMemory<byte> message) => _outgoing.Writer.TryWrite(message);

    public void Run(bool connect, Action<SipReceived> receive, Action closed) => _ = RunAsync(connect, receive, closed);

    private async Task RunAsync(bool connect, Action<SipReceived> receive, Action closed)
    {
        var reason = "closed by peer";
        try
        {
            if (connect)
            {
                using var timeout = new CancellationTokenSource(ConnectTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
                await client.ConnectAsync(remote, linked.Token).ConfigureAwait(false);
            }
            Stream stream = client.GetStream();
            if (tls is not null)
            {
                stream = await SipTlsHandshake.SecureAsync(stream, asClient: connect, remote, tls, time, stopping).ConfigureAwait(false);
            }
            var writer = WriteLoopAsync(stream);
            await ReadLoopAsync(PipeReader.Create(stream), receive).ConfigureAwait(false);
            _outgoing.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException
            or System.Security.Authentication.AuthenticationException)
        {
            reason = ex.Message;
        }
        finally
        {
            closed();
            Dispose();
            SipTransportLog.ConnectionClosed(logger, remote, reason);
        }
    }

    private async Task ReadLoopAsync(PipeReader reader, Action<SipReceived> receive)
    {
        Action<SipReadResult> handOn = result => receive(new SipReceived(result, remote, transport));
        while (true)
        {
            var read = await reader.ReadAsync(stopping).ConfigureAwait(false);
            var buffer = read.Buffer;
            // The user agent answers inside receive (its lock sends on release), so an answer is queued on return and
            // the write loop drains it before the connection closes: no wait is needed.
            if (!SipStreamFraming.ReadMessages(ref buffer, limits, handOn))
            {
                return; // bad framing: close once the answer is written
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    private async Task WriteLoopAsync(Stream stream)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
        {
            await stream.WriteAsync(message, stopping).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _outgoing.Writer.TryComplete();
        client.Dispose();
    }
}
