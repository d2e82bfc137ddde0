using System.Net;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// A bound UDP socket, as thin as the media path needs: datagrams pushed to a handler on a receive thread, the
/// sender's address in a reusable <see cref="SocketAddress"/>, and send to a <see cref="SocketAddress"/>. Receive and send are allocation-free on real sockets. <see cref="InMemoryDatagramNetwork"/>
/// is the twin tests use.
/// </summary>
public interface IDatagramSocket : IDisposable
{
    IPEndPoint LocalEndpoint { get; }

    /// <summary>
    /// Hands every datagram that arrives from now on to <paramref name="handler"/>, on a receive thread shared with
    /// other sockets (never the thread pool on real sockets: a starved pool would hold packets back). Once per socket.
    /// After <see cref="IDisposable.Dispose"/> returns the handler is
    /// not called again.
    /// </summary>
    void StartReceiving(DatagramReceived handler);

    /// <summary>Sends without waiting (UDP): a failure to send is dropped like a lost packet.</summary>
    void SendTo(ReadOnlySpan<byte> datagram, SocketAddress destination);
}

/// <summary>Binds datagram sockets: real UDP in the service, in-memory in tests.</summary>
public interface IDatagramSocketFactory
{
    /// <summary>Binds <paramref name="endpoint"/>; throws <see cref="System.Net.Sockets.SocketException"/> when the port is taken.</summary>
    IDatagramSocket Bind(IPEndPoint endpoint);
}
