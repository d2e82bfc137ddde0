using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// One socket's place on a receive thread: reads its datagrams and hands each to the handler with the sender's
/// address. Reading and handing over happen under a lock that <see cref="Dispose"/> also takes, so once Dispose
/// returns the handler is never called again, even for an event the loop had already picked up.
/// </summary>
internal sealed class SocketReceiver : IDisposable
{
    private static long s_lastToken;

    private readonly object _gate = new();
    private readonly Socket _socket;
    private readonly DatagramReceived _handler;
    private readonly SocketAddress _sender;
    private readonly Action<SocketReceiver> _unregister;
    private bool _active = true;

    public SocketReceiver(Socket socket, DatagramReceived handler, Action<SocketReceiver> unregister)
    {
        _socket = socket;
        _handler = handler;
        _unregister = unregister;
        _sender = new SocketAddress(socket.AddressFamily);
        Token = (ulong)Interlocked.Increment(ref s_lastToken);
    }

    /// <summary>Names this receiver in the epoll set (never 0, and never reused, unlike a closed socket's descriptor number).</summary>
    public ulong Token { get; }

    public Socket Socket => _socket;

    /// <summary>
    /// Reads one datagram from the (non-blocking) socket the loop saw ready and hands it over. An error the read
    /// reports instead, such as ECONNREFUSED from an ICMP port unreachable for something a connected socket sent, is
    /// cleared by that read and counted by the loop; the socket stays registered.
    /// </summary>
    public ReceiveOutcome ReceiveReady(byte[] buffer)
    {
        lock (_gate)
        {
            if (!_active)
            {
                return ReceiveOutcome.Nothing;
            }
            int length;
            try
            {
                _sender.Size = _sender.Buffer.Length;
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, _sender);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
            {
                return ReceiveOutcome.Nothing;
            }
            catch (SocketException)
            {
                return ReceiveOutcome.Error;
            }
            catch (ObjectDisposedException)
            {
                return ReceiveOutcome.Nothing;
            }
            _handler(buffer.AsSpan(0, length), _sender);
            return ReceiveOutcome.Delivered;
        }
    }

    /// <summary>The thread-per-socket fallback (no epoll): blocks for datagrams until disposed.</summary>
    public void ReceiveUntilDisposed(byte[] buffer)
    {
        while (true)
        {
            int length;
            try
            {
                _sender.Size = _sender.Buffer.Length;
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, _sender);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                if (!Volatile.Read(ref _active))
                {
                    return; // closing the socket interrupts the blocking receive
                }
                continue; // an ICMP error for something we sent: not fatal for media
            }
            lock (_gate)
            {
                if (!_active)
                {
                    return;
                }
                _handler(buffer.AsSpan(0, length), _sender);
            }
        }
    }

    /// <summary>Stops delivery (waiting for a handler call in progress) and leaves the receive thread. Does not close the socket.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_active)
            {
                return;
            }
            _active = false;
        }
        _unregister(this);
    }
}

/// <summary>What one <see cref="SocketReceiver.ReceiveReady"/> did.</summary>
internal enum ReceiveOutcome
{
    /// <summary>Nothing to read after all, or the receiver was disposed meanwhile.</summary>
    Nothing,

    /// <summary>A datagram went to the handler.</summary>
    Delivered,

    /// <summary>The read reported a socket error (and cleared it) instead of a datagram.</summary>
    Error,
}
