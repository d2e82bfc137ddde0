using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// The in-memory twin of UDP for tests: sockets bound on this network exchange datagrams through channels,
/// with the same port-in-use errors as the real thing, and an optional hook that drops or alters datagrams.
/// </summary>
public sealed class InMemoryDatagramNetwork : IDatagramSocketFactory
{
    private readonly ConcurrentDictionary<IPEndPoint, Socket> _sockets = new();
    private int _nextEphemeral = 40000;

    /// <summary>When set, decides per datagram whether it is delivered (false = lost).</summary>
    public Func<IPEndPoint, IPEndPoint, ReadOnlyMemory<byte>, bool>? Filter { get; set; }

    public IDatagramSocket Bind(IPEndPoint endpoint)
    {
        if (endpoint.Port == 0)
        {
            endpoint = new IPEndPoint(endpoint.Address, Interlocked.Increment(ref _nextEphemeral));
        }
        var socket = new Socket(this, endpoint);
        if (!_sockets.TryAdd(endpoint, socket))
        {
            throw new SocketException((int)SocketError.AddressAlreadyInUse);
        }
        return socket;
    }

    private void Deliver(IPEndPoint from, SocketAddress to, ReadOnlySpan<byte> datagram)
    {
        var target = (IPEndPoint)from.Create(to);
        var copy = datagram.ToArray();
        if (Filter is { } filter && !filter(from, target, copy))
        {
            return;
        }
        if (_sockets.TryGetValue(target, out var socket))
        {
            socket.Inbox.Writer.TryWrite((copy, from));
        }
    }

    private sealed class Socket(InMemoryDatagramNetwork network, IPEndPoint local) : IDatagramSocket
    {
        private readonly object _gate = new();
        private bool _disposed;
        private bool _receiving;

        public Channel<(byte[] Data, IPEndPoint From)> Inbox { get; } = Channel.CreateUnbounded<(byte[], IPEndPoint)>();

        public IPEndPoint LocalEndpoint { get; } = local;

        /// <summary>A loop of its own on the thread pool (tests only), with the real socket's promise: no handler call after Dispose.</summary>
        public void StartReceiving(DatagramReceived handler)
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_receiving)
                {
                    throw new InvalidOperationException("This socket is already receiving.");
                }
                _receiving = true;
            }
            _ = DeliverAsync(handler);
        }

        private async Task DeliverAsync(DatagramReceived handler)
        {
            var sender = new SocketAddress(LocalEndpoint.AddressFamily);
            while (await Inbox.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (Inbox.Reader.TryRead(out var item))
                {
                    lock (_gate)
                    {
                        if (_disposed)
                        {
                            return;
                        }
                        var address = item.From.Serialize();
                        address.Buffer.CopyTo(sender.Buffer);
                        sender.Size = address.Size;
                        handler(item.Data, sender);
                    }
                }
            }
        }

        public void SendTo(ReadOnlySpan<byte> datagram, SocketAddress destination) => network.Deliver(LocalEndpoint, destination, datagram);

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
            }
            network._sockets.TryRemove(LocalEndpoint, out _);
            Inbox.Writer.TryComplete();
        }
    }
}
