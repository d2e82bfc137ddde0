using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// The receive threads every call's RTP and RTCP sockets share: on Linux a few epoll loops (one per core by default),
/// each a dedicated thread serving many sockets, so 500 calls mean a handful of runnable threads per 20 ms burst
/// instead of 500, and the media clock's threads are not queued behind them. Dedicated threads, never the thread
/// pool, so a starved pool cannot hold packets back. Elsewhere (a developer's Windows or macOS box) each socket gets
/// a thread of its own blocking in its receive. Created once per host (a DI singleton disposed at host stop).
/// </summary>
public sealed class DatagramReceiveLoops : IDisposable
{
    private const int FallbackStackBytes = 256 * 1024;
    private static readonly Lazy<DatagramReceiveLoops> s_shared = new(() => new DatagramReceiveLoops());

    private readonly EpollReceiveLoop[] _loops;

    /// <summary>
    /// Starts <paramref name="loops"/> receive loops (0: one per core), or none with a negative count: then each socket
    /// gets a thread of its own, as on systems without epoll (kept selectable while the two are measured against each other).
    /// </summary>
    public DatagramReceiveLoops(int loops = 0)
        : this(Math.Max(loops, 0), useEpoll: loops >= 0 && OperatingSystem.IsLinux())
    {
    }

    /// <summary>Tests run the thread-per-socket fallback on Linux too with <paramref name="useEpoll"/> false.</summary>
    internal DatagramReceiveLoops(int loops, bool useEpoll)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(loops);
        var count = loops == 0 ? Environment.ProcessorCount : loops;
        _loops = useEpoll
            ? Enumerable.Range(0, count).Select(i => new EpollReceiveLoop($"rtp-receive-{i}")).ToArray()
            : [];
    }

    /// <summary>One process-wide set (one loop per core), for code without a host: tests, benchmarks.</summary>
    public static DatagramReceiveLoops Shared => s_shared.Value;

    /// <summary>Receive loops running (0 on systems without epoll: a thread per socket there).</summary>
    public int LoopCount => _loops.Length;

    /// <summary>Datagrams handed to handlers by loop <paramref name="loop"/> so far.</summary>
    public long DatagramsRead(int loop) => _loops[loop].Datagrams;

    /// <summary>Sockets loop <paramref name="loop"/> serves now.</summary>
    public int SocketsServed(int loop) => _loops[loop].Sockets;

    /// <summary>Handler calls that threw, all loops (each loop goes on serving its other sockets).</summary>
    public long HandlerFaults => _loops.Sum(l => l.HandlerFaults);

    /// <summary>Reads that returned a socket error instead of a datagram, all loops (the loops go on).</summary>
    public long ReadErrors => _loops.Sum(l => l.ReadErrors);

    /// <summary>
    /// Starts delivering <paramref name="socket"/>'s datagrams to <paramref name="handler"/> on a receive thread (and
    /// makes the socket non-blocking on Linux). Disposing the result stops delivery: no handler call starts after it
    /// returns. Dispose it before closing the socket.
    /// </summary>
    public IDisposable Register(Socket socket, DatagramReceived handler)
    {
        if (_loops.Length == 0)
        {
            return StartThreadPerSocket(socket, handler);
        }
        var loop = _loops[LoopFor(socket)];
        socket.Blocking = false; // the loop reads only what epoll reported ready; a read must never block it
        var receiver = new SocketReceiver(socket, handler, loop.Remove);
        loop.Add(receiver);
        return receiver;
    }

    public void Dispose()
    {
        foreach (var loop in _loops)
        {
            loop.Dispose();
        }
    }

    // By port pair (RTP on an even port, its RTCP on the odd one above): a call's two sockets share a loop and
    // consecutive calls alternate, so the busy RTP sockets spread evenly. Taking turns instead put every RTP socket
    // on one loop and every RTCP socket on the other, since each call registers the two in a row.
    private int LoopFor(Socket socket) =>
        socket.LocalEndPoint is IPEndPoint { Port: var port } ? port / 2 % _loops.Length : 0;

    private static SocketReceiver StartThreadPerSocket(Socket socket, DatagramReceived handler)
    {
        var receiver = new SocketReceiver(socket, handler, _ => { });
        var buffer = new byte[ushort.MaxValue];
        new Thread(() => receiver.ReceiveUntilDisposed(buffer), FallbackStackBytes) { IsBackground = true, Name = "rtp-receive" }.Start();
        return receiver;
    }
}
