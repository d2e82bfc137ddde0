using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.TestSupport;

/// <summary>
/// A bad network on loopback, made of real UDP sockets on 127.0.0.1: datagrams sent to <see cref="FrontEndpoint"/>
/// are relayed to the target from a second socket, and the target's replies to that socket go back to whoever
/// last sent to the front. Each direction drops packets with a seeded probability and delays the rest by a seeded
/// uniform random 0..<see cref="ImpairmentSettings.MaxJitter"/>, so packets overtake each other (reordering).
/// Losses are drawn per packet in order, so a given seed drops the same packets of a stream on every run; the
/// delays are real time, kept by dedicated threads (not the thread pool) so the machine adds as little as it can.
/// (Kernel-level impairment — tc netem on a veth pair — needs the netem qdisc, which this kernel lacks.)
/// </summary>
public sealed class UdpImpairmentProxy : IDisposable
{
    private readonly Socket _front;
    private readonly Socket _back;
    private readonly IPEndPoint _target;
    private readonly Direction _forward;
    private readonly Direction _backward;
    private readonly PriorityQueue<Pending, long> _due = new();
    private readonly List<Thread> _threads = [];
    private volatile bool _stopped;
    private EndPoint? _client;
    private readonly Action<bool, byte[]>? _observe;

    /// <param name="observe">Called with each datagram to be relayed (true: towards the target), as it reached the proxy and
    /// before any impairment, on the proxy's receive thread: a test reads the wire from it.</param>
    public UdpImpairmentProxy(IPEndPoint target, ImpairmentSettings toTarget, ImpairmentSettings fromTarget, Action<bool, byte[]>? observe = null)
    {
        _target = target;
        _observe = observe;
        _front = Bind();
        _back = Bind();
        _forward = new Direction(toTarget);
        _backward = new Direction(fromTarget);
        Start(() => Receive(_front, _forward, fromFront: true));
        Start(() => Receive(_back, _backward, fromFront: false));
        Start(Deliver);
    }

    /// <summary>Where the far peer should send (put this in the SDP it reads).</summary>
    public IPEndPoint FrontEndpoint => (IPEndPoint)_front.LocalEndPoint!;

    /// <summary>The address the target sees our relayed packets come from.</summary>
    public IPEndPoint BackEndpoint => (IPEndPoint)_back.LocalEndPoint!;

    /// <summary>Datagrams relayed and dropped towards the target.</summary>
    public (long Relayed, long Dropped) ToTarget => (Interlocked.Read(ref _forward.Relayed), Interlocked.Read(ref _forward.Dropped));

    /// <summary>Datagrams relayed and dropped from the target back to the client.</summary>
    public (long Relayed, long Dropped) FromTarget => (Interlocked.Read(ref _backward.Relayed), Interlocked.Read(ref _backward.Dropped));

    /// <summary>
    /// How late datagrams left beyond their planned delay (the machine's own scheduling stalls), in milliseconds,
    /// each with the time it happened (milliseconds since the proxy started): on a loaded machine the real jitter
    /// exceeds the configured one by these.
    /// </summary>
    public IReadOnlyList<(double AtMs, double OverrunMs)> Overruns
    {
        get
        {
            lock (_due)
            {
                return [.. _overruns];
            }
        }
    }

    private readonly List<(double, double)> _overruns = [];
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 200 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private void Start(ThreadStart work)
    {
        var thread = new Thread(work) { IsBackground = true, Name = "udp-impairment", Priority = ThreadPriority.Highest };
        _threads.Add(thread);
        thread.Start();
    }

    private void Receive(Socket socket, Direction direction, bool fromFront)
    {
        var buffer = new byte[2048];
        while (!_stopped)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int length;
            try
            {
                length = socket.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException)
            {
                continue; // the receive timeout (to notice the stop), or ICMP port unreachable from an earlier send
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            if (fromFront)
            {
                _client = from;
            }
            var destination = fromFront ? _target : _client;
            if (destination is null)
            {
                continue;
            }
            var packet = buffer[..length];
            _observe?.Invoke(fromFront, packet);
            if (direction.Decide() is not { } delay)
            {
                continue;
            }
            var dueAt = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
            lock (_due)
            {
                _due.Enqueue(new Pending(packet, destination, fromFront ? _back : _front, direction, dueAt), dueAt);
                Monitor.Pulse(_due);
            }
        }
    }

    private void Deliver()
    {
        while (!_stopped)
        {
            Pending next;
            lock (_due)
            {
                if (!_due.TryPeek(out next, out var dueAt))
                {
                    Monitor.Wait(_due, 100);
                    continue;
                }
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueAt);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    Monitor.Wait(_due, wait - TimeSpan.FromMilliseconds(0.5));
                    continue;
                }
                _due.Dequeue();
                var overrun = -wait.TotalMilliseconds;
                if (overrun > 5)
                {
                    _overruns.Add((Stopwatch.GetElapsedTime(_startedAt).TotalMilliseconds, overrun));
                }
            }
            try
            {
                next.Socket.SendTo(next.Packet, next.Destination);
                Interlocked.Increment(ref next.Direction.Relayed);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        lock (_due)
        {
            Monitor.PulseAll(_due);
        }
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }
        _front.Dispose();
        _back.Dispose();
    }

    private readonly record struct Pending(byte[] Packet, EndPoint Destination, Socket Socket, Direction Direction, long DueAt);

    private sealed class Direction(ImpairmentSettings settings)
    {
        private readonly Random _random = new(settings.Seed);
        public long Relayed;
        public long Dropped;

        /// <summary>Null to drop this packet, else how long to hold it.</summary>
        public TimeSpan? Decide()
        {
            lock (_random)
            {
                if (_random.NextDouble() < settings.LossRate)
                {
                    Interlocked.Increment(ref Dropped);
                    return null;
                }
                return TimeSpan.FromMilliseconds(_random.NextDouble() * settings.MaxJitter.TotalMilliseconds);
            }
        }
    }
}
