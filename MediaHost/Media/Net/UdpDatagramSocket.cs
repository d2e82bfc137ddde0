using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>A real UDP socket behind <see cref="IDatagramSocket"/>.</summary>
public sealed class UdpDatagramSocket : IDatagramSocket
{
    private readonly Socket _socket;

    private UdpDatagramSocket(Socket socket)
    {
        _socket = socket;
        LocalEndpoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public static IDatagramSocketFactory Factory { get; } = new UdpFactory();

    public IPEndPoint LocalEndpoint { get; }

    public ValueTask<int> ReceiveFromAsync(Memory<byte> buffer, SocketAddress sender, CancellationToken cancellationToken) =>
        _socket.ReceiveFromAsync(buffer, SocketFlags.None, sender, cancellationToken);

    /// <summary>A blocking receive in the kernel (the socket stays in blocking mode: only the RTP thread reads it); Dispose unblocks it.</summary>
    public int ReceiveFrom(Memory<byte> buffer, SocketAddress sender, CancellationToken cancellationToken) =>
        _socket.ReceiveFrom(buffer.Span, SocketFlags.None, sender);

    public void SendTo(ReadOnlySpan<byte> datagram, SocketAddress destination)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, destination);
        }
        catch (SocketException)
        {
            // An unreachable peer or a full buffer: to RTP that is packet loss, which the far end conceals.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => _socket.Dispose();

    private sealed class UdpFactory : IDatagramSocketFactory
    {
        public IDatagramSocket Bind(IPEndPoint endpoint)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(endpoint);
                // Linux reports an ICMP port-unreachable on the next receive; ignore it rather than end the loop.
                return new UdpDatagramSocket(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
