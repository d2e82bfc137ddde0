using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Net;

/// <summary>
/// The shared receive loops over real UDP on 127.0.0.1: every datagram reaches the right handler once with its sender,
/// disposal stops delivery at once without disturbing the other sockets, and an ICMP error does not stop a loop. Each
/// runs on the epoll loops and on the thread-per-socket fallback (what Windows and macOS use).
/// </summary>
public sealed class DatagramReceiveLoopsTests
{
    public static TheoryData<bool> Modes => new() { true, false };

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public async Task Every_datagram_to_300_sockets_reaches_its_own_handler_exactly_once_with_its_sender(bool epoll)
    {
        SkipUnlessEpoll(epoll);
        const int SocketCount = 300, PerSocket = 5;
        using var loops = new DatagramReceiveLoops(2, epoll);
        var factory = UdpDatagramSocket.FactoryOn(loops);
        using var peers = new Peers(3);
        var sockets = new IDatagramSocket[SocketCount];
        var counts = new int[SocketCount];
        var wrong = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = 0;
        try
        {
            for (var i = 0; i < SocketCount; i++)
            {
                var index = i;
                var expectedSender = peers[index % peers.Count].LocalEndPoint!.Serialize();
                sockets[i] = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                sockets[i].StartReceiving((datagram, sender) =>
                {
                    if (datagram.Length != 8 || BinaryPrimitives.ReadInt32BigEndian(datagram) != index || !sender.Equals(expectedSender))
                    {
                        Interlocked.Increment(ref wrong);
                    }
                    Interlocked.Increment(ref counts[index]);
                    if (Interlocked.Increment(ref total) == SocketCount * PerSocket)
                    {
                        all.SetResult();
                    }
                });
            }

            var payload = new byte[8];
            for (var n = 0; n < PerSocket; n++)
            {
                for (var i = 0; i < SocketCount; i++)
                {
                    BinaryPrimitives.WriteInt32BigEndian(payload, i);
                    BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(4), n);
                    peers[i % peers.Count].SendTo(payload, sockets[i].LocalEndpoint);
                }
            }

            await all.Task.DefaultTimeout();
            await Task.Delay(200); // a duplicate would show up now
            Assert.Equal(0, Volatile.Read(ref wrong));
            Assert.All(counts, c => Assert.Equal(PerSocket, c));
            if (epoll)
            {
                Assert.Equal(SocketCount * PerSocket, loops.DatagramsRead(0) + loops.DatagramsRead(1));
                Assert.Equal(SocketCount, loops.SocketsServed(0) + loops.SocketsServed(1));
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket?.Dispose();
            }
        }
        if (epoll)
        {
            Assert.Equal(0, loops.SocketsServed(0) + loops.SocketsServed(1));
        }
    }

    [SkippableFact]
    public void A_calls_rtp_and_rtcp_share_a_loop_and_consecutive_calls_alternate_so_rtp_spreads_evenly()
    {
        SkipUnlessEpoll(true);
        using var loops = new DatagramReceiveLoops(2);
        var factory = UdpDatagramSocket.FactoryOn(loops);
        var basePort = Math.Min(FreePort.NextUdp() & ~1, 65530); // even, like the RTP port allocator's
        var sockets = Enumerable.Range(basePort, 4).Select(port => TryBind(factory, port)).ToList();
        try
        {
            Skip.If(sockets.Any(s => s is null), "a port of the two pairs was taken meanwhile");
            sockets[0]!.StartReceiving((_, _) => { }); // call 1: RTP
            sockets[1]!.StartReceiving((_, _) => { }); // call 1: RTCP
            Assert.Equal(2, Math.Max(loops.SocketsServed(0), loops.SocketsServed(1)));

            sockets[2]!.StartReceiving((_, _) => { }); // call 2: RTP
            sockets[3]!.StartReceiving((_, _) => { }); // call 2: RTCP
            Assert.Equal(2, loops.SocketsServed(0));
            Assert.Equal(2, loops.SocketsServed(1));
        }
        finally
        {
            sockets.ForEach(s => s?.Dispose());
        }
    }

    private static IDatagramSocket? TryBind(IDatagramSocketFactory factory, int port)
    {
        try
        {
            return factory.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException)
        {
            return null;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public async Task A_socket_disposed_during_traffic_gets_no_handler_call_afterwards_and_the_loop_serves_the_others(bool epoll)
    {
        SkipUnlessEpoll(epoll);
        using var loops = new DatagramReceiveLoops(1, epoll); // one loop: the survivor shares it with the disposed socket
        var factory = UdpDatagramSocket.FactoryOn(loops);
        using var peers = new Peers(1);
        var doomed = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var survivor = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var disposed = 0;
        var doomedCalls = 0;
        var callsAfterDispose = 0;
        var survivorCalls = 0;
        var firstDoomed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        doomed.StartReceiving((_, _) =>
        {
            if (Volatile.Read(ref disposed) == 1)
            {
                Interlocked.Increment(ref callsAfterDispose);
            }
            Interlocked.Increment(ref doomedCalls);
            firstDoomed.TrySetResult();
            Thread.SpinWait(1000); // widen the window in which Dispose races a handler call
        });
        survivor.StartReceiving((_, _) => Interlocked.Increment(ref survivorCalls));

        using var sending = new CancellationTokenSource();
        var sender = Task.Factory.StartNew(() =>
        {
            var datagram = new byte[32];
            while (!sending.IsCancellationRequested)
            {
                peers[0].SendTo(datagram, doomed.LocalEndpoint);
                peers[0].SendTo(datagram, survivor.LocalEndpoint);
                Thread.Sleep(1);
            }
        }, TaskCreationOptions.LongRunning);
        await firstDoomed.Task.DefaultTimeout();

        doomed.Dispose();
        Volatile.Write(ref disposed, 1);
        var survivorAtDispose = Volatile.Read(ref survivorCalls);
        await WaitUntil(() => Volatile.Read(ref survivorCalls) >= survivorAtDispose + 50);
        await sending.CancelAsync();
        await sender.DefaultTimeout();

        Assert.Equal(0, Volatile.Read(ref callsAfterDispose));
        Assert.True(doomedCalls > 0);
    }

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public async Task An_icmp_port_unreachable_on_a_socket_does_not_stop_its_loop(bool epoll)
    {
        SkipUnlessEpoll(epoll);
        var closedPort = ClosedUdpPort();
        using var loops = new DatagramReceiveLoops(1, epoll);
        var factory = UdpDatagramSocket.FactoryOn(loops);
        using var neighbour = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var neighbourCalls = 0;
        neighbour.StartReceiving((_, _) => Interlocked.Increment(ref neighbourCalls));
        // Linux reports ICMP errors to a connected UDP socket: its next read fails with ECONNREFUSED.
        using var refused = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        refused.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        refused.Connect(new IPEndPoint(IPAddress.Loopback, closedPort));
        var refusedCalls = 0;
        using var registration = loops.Register(refused, (_, _) => Interlocked.Increment(ref refusedCalls));
        using var peers = new Peers(1);

        for (var i = 0; i < 5; i++)
        {
            refused.Send(new byte[16]);
            await Task.Delay(20);
            peers[0].SendTo(new byte[16], neighbour.LocalEndpoint);
        }
        await WaitUntil(() => Volatile.Read(ref neighbourCalls) == 5);
        if (epoll)
        {
            Assert.InRange(loops.ReadErrors, 1, 5); // the errors were seen, so this test tested something
        }

        // The refused socket itself still receives once its peer exists.
        using var lateComer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        lateComer.Bind(new IPEndPoint(IPAddress.Loopback, closedPort));
        lateComer.SendTo(new byte[16], refused.LocalEndPoint!);
        await WaitUntil(() => Volatile.Read(ref refusedCalls) == 1);
    }

    [SkippableFact]
    public void The_icmp_test_rests_on_linux_reporting_port_unreachable_to_a_connected_udp_socket()
    {
        // Without this, the test above could pass without ever seeing the error it is about.
        Skip.IfNot(OperatingSystem.IsLinux());
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Connect(new IPEndPoint(IPAddress.Loopback, ClosedUdpPort()));
        socket.Send(new byte[16]);
        socket.ReceiveTimeout = 5000;

        var error = Assert.Throws<SocketException>(() => socket.Receive(new byte[64]));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [SkippableFact]
    public async Task A_handler_that_throws_does_not_stop_the_loop()
    {
        SkipUnlessEpoll(true);
        using var loops = new DatagramReceiveLoops(1);
        var factory = UdpDatagramSocket.FactoryOn(loops);
        using var peers = new Peers(1);
        using var faulty = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var healthy = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var healthyCalls = 0;
        faulty.StartReceiving((_, _) => throw new InvalidOperationException("a bug in one call"));
        healthy.StartReceiving((_, _) => Interlocked.Increment(ref healthyCalls));

        for (var i = 0; i < 10; i++)
        {
            peers[0].SendTo(new byte[16], faulty.LocalEndpoint);
            peers[0].SendTo(new byte[16], healthy.LocalEndpoint);
        }

        await WaitUntil(() => Volatile.Read(ref healthyCalls) == 10 && loops.HandlerFaults == 10);
    }

    [SkippableFact]
    public void Stopping_the_loops_wakes_and_ends_their_threads()
    {
        SkipUnlessEpoll(true);
        var loops = new DatagramReceiveLoops(2);
        using var socket = UdpDatagramSocket.FactoryOn(loops).Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.StartReceiving((_, _) => { });

        var stopping = Task.Run(loops.Dispose); // joins the loop threads: returns only if the eventfd woke them
        Assert.True(stopping.Wait(TimeSpan.FromSeconds(30)), "the loops did not stop");
    }

    [Fact]
    public void A_socket_receives_through_one_handler_only()
    {
        using var loops = new DatagramReceiveLoops(1);
        using var socket = UdpDatagramSocket.FactoryOn(loops).Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.StartReceiving((_, _) => { });

        Assert.Throws<InvalidOperationException>(() => socket.StartReceiving((_, _) => { }));
    }

    internal static void SkipUnlessEpoll(bool epoll) => Skip.If(epoll && !OperatingSystem.IsLinux(), "epoll is Linux only");

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TaskTimeoutExtensions.Standard);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static int ClosedUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port; // closed on return: nothing listens there now
    }

    /// <summary>Plain UDP sockets on loopback that send to the sockets under test.</summary>
    internal sealed class Peers : IDisposable
    {
        private readonly Socket[] _sockets;

        public Peers(int count)
        {
            _sockets = new Socket[count];
            for (var i = 0; i < count; i++)
            {
                _sockets[i] = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                _sockets[i].Bind(new IPEndPoint(IPAddress.Loopback, 0));
            }
        }

        public int Count => _sockets.Length;

        public Socket this[int index] => _sockets[index];

        public void Dispose()
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }
    }
}
