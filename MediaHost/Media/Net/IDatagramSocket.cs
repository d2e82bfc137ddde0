using System.Net;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// A bound UDP socket, as thin as the media path needs: receive into the caller's buffer with the sender's
/// address written into a reusable <see cref="SocketAddress"/>, send to a <see cref="SocketAddress"/>. Both are
/// allocation-free on real sockets. <see cref="InMemoryDatagramNetwork"/> is the twin tests use.
/// </summary>
public interface IDatagramSocket : IDisposable
{
    IPEndPoint LocalEndpoint { get; }

    /// <summary>Waits for a datagram; returns its length. Throws <see cref="ObjectDisposedException"/> or cancellation when closed.</summary>
    ValueTask<int> ReceiveFromAsync(Memory<byte> buffer, SocketAddress sender, CancellationToken cancellationToken);

    /// <summary>
    /// Blocks the calling thread until a datagram arrives; returns its length. Throws <see cref="ObjectDisposedException"/>,
    /// a <see cref="System.Net.Sockets.SocketException"/> or cancellation once the socket is closed. The media path reads
    /// RTP on a thread of its own with this, so thread-pool starvation cannot hold packets back. The default waits on
    /// <see cref="ReceiveFromAsync"/> (test twins); real sockets block in the kernel.
    /// </summary>
    int ReceiveFrom(Memory<byte> buffer, SocketAddress sender, CancellationToken cancellationToken) =>
        ReceiveFromAsync(buffer, sender, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Sends without waiting (UDP): a failure to send is dropped like a lost packet.</summary>
    void SendTo(ReadOnlySpan<byte> datagram, SocketAddress destination);
}

/// <summary>Binds datagram sockets: real UDP in the service, in-memory in tests.</summary>
public interface IDatagramSocketFactory
{
    /// <summary>Binds <paramref name="endpoint"/>; throws <see cref="System.Net.Sockets.SocketException"/> when the port is taken.</summary>
    IDatagramSocket Bind(IPEndPoint endpoint);
}
