using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>A real UDP socket behind <see cref="IDatagramSocket"/>; its datagrams are read by <see cref="DatagramReceiveLoops"/>.</summary>
public sealed class UdpDatagramSocket : IDatagramSocket
{
    private readonly Socket _socket;
    private readonly Func<DatagramReceiveLoops> _loops;
    private readonly object _gate = new();
    private IDisposable? _receiving;
    private bool _disposed;

    private UdpDatagramSocket(Socket socket, Func<DatagramReceiveLoops> loops)
    {
        _socket = socket;
        _loops = loops;
        LocalEndpoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>Binds sockets served by the process-wide <see cref="DatagramReceiveLoops.Shared"/> (started on first use).</summary>
    public static IDatagramSocketFactory Factory { get; } = new UdpFactory(() => DatagramReceiveLoops.Shared);

    /// <summary>Binds sockets served by <paramref name="loops"/> (the host's own set).</summary>
    public static IDatagramSocketFactory FactoryOn(DatagramReceiveLoops loops) => new UdpFactory(() => loops);

    public IPEndPoint LocalEndpoint { get; }

    public void StartReceiving(DatagramReceived handler)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_receiving is not null)
            {
                throw new InvalidOperationException("This socket is already receiving.");
            }
            _receiving = _loops().Register(_socket, handler);
        }
    }

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

    /// <summary>Leaves the receive loop first (waiting for a handler call in progress), then closes the socket.</summary>
    public void Dispose()
    {
        IDisposable? receiving;
        lock (_gate)
        {
            _disposed = true;
            receiving = _receiving;
            _receiving = null;
        }
        receiving?.Dispose();
        _socket.Dispose();
    }

    private sealed class UdpFactory(Func<DatagramReceiveLoops> loops) : IDatagramSocketFactory
    {
        public IDatagramSocket Bind(IPEndPoint endpoint)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(endpoint);
                return new UdpDatagramSocket(socket, loops);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
