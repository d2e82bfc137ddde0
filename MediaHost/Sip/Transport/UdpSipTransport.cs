using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>SIP over UDP: one socket, one receive loop with a reused buffer, one datagram = one message.</summary>
public sealed class UdpSipTransport : ISipTransport
{
    private const int MaxDatagram = 65_535;
    private readonly Socket _socket;
    private readonly SipLimits _limits;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();

    public UdpSipTransport(IPEndPoint bind, SipLimits limits, ILogger logger)
    {
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (OperatingSystem.IsWindows())
        {
            // Windows reports ICMP port-unreachable as a receive error; ignore it like other systems do.
            _socket.IOControl(-1744830452, [0], null);
        }
        _socket.Bind(bind);
        LocalEndpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _limits = limits;
        _logger = logger;
    }

    public string Protocol => "UDP";

    public bool IsReliable => false;

    public IPEndPoint LocalEndpoint { get; }

    public void Start(Action<SipReceived> receive) => _ = ReceiveLoopAsync(receive);

    public void Send(ReadOnlyMemory<byte> message, IPEndPoint remote)
    {
        try
        {
            _socket.SendTo(message.Span, SocketFlags.None, remote);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            SipTransportLog.SendFailed(_logger, Protocol, remote, ex.Message);
        }
    }

    private async Task ReceiveLoopAsync(Action<SipReceived> receive)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        EndPoint any = new IPEndPoint(LocalEndpoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token).ConfigureAwait(false);
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    continue;
                }
                var remote = (IPEndPoint)received.RemoteEndPoint;
                var result = SipParser.ParseDatagram(buffer.AsSpan(0, received.ReceivedBytes), _limits);
                try
                {
                    receive(new SipReceived(result, remote, this));
                }
                catch (Exception ex)
                {
                    SipTransportLog.HandlerFailed(_logger, Protocol, remote, ex);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _socket.Dispose();
    }
}
