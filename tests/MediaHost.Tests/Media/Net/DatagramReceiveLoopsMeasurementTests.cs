using System.Diagnostics;
using System.Net;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.MediaHost.Tests.Media.Net.DatagramReceiveLoopsTests;

namespace VoiceFunctions.MediaHost.Tests.Media.Net;

/// <summary>
/// What the shared loops are for, measured alone on the machine: the thread count does not grow with the sockets,
/// and the loop thread allocates nothing per datagram (read, lookup, hand-over) once warm.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class DatagramReceiveLoopsMeasurementTests
{
    [SkippableFact]
    public void Registering_400_sockets_starts_no_thread()
    {
        SkipUnlessEpoll(true);
        using var loops = new DatagramReceiveLoops(2);
        var factory = UdpDatagramSocket.FactoryOn(loops);
        var sockets = new List<IDatagramSocket>();
        try
        {
            var threadsBefore = ThreadCount();
            for (var i = 0; i < 400; i++)
            {
                var socket = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                sockets.Add(socket);
                socket.StartReceiving((_, _) => { });
            }

            // A thread per socket would add 400; allow for the thread pool and the runtime starting a few of their own.
            Assert.InRange(ThreadCount() - threadsBefore, int.MinValue, 20);
            Assert.Equal(400, loops.SocketsServed(0) + loops.SocketsServed(1));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    [SkippableFact]
    public async Task The_loop_thread_allocates_nothing_per_datagram_after_warm_up()
    {
        SkipUnlessEpoll(true);
        const int WarmUp = 200, Measured = 1_000;
        using var loops = new DatagramReceiveLoops(1);
        var factory = UdpDatagramSocket.FactoryOn(loops);
        using var peers = new Peers(1);
        using var rtp = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var rtcp = factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var handled = 0;
        long before = 0, after = 0;
        var checksum = 0L;
        DatagramReceived handler = (datagram, sender) =>
        {
            checksum += datagram[0] + sender.Size; // touch both, as the media path does
            var n = ++handled; // only this loop's thread runs handlers
            if (n == WarmUp)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (n == WarmUp + Measured)
            {
                after = GC.GetAllocatedBytesForCurrentThread();
            }
        };
        rtp.StartReceiving(handler);
        rtcp.StartReceiving(handler);

        // Paced so the sockets' receive buffers never overflow: at most 64 datagrams in flight.
        var datagram = new byte[172];
        for (var sent = 0; sent < WarmUp + Measured; sent++)
        {
            datagram[0] = (byte)sent;
            peers[0].SendTo(datagram, (sent % 5 == 0 ? rtcp : rtp).LocalEndpoint);
            if (sent - Volatile.Read(ref handled) > 64)
            {
                await WaitUntil(() => sent - Volatile.Read(ref handled) <= 16);
            }
        }
        await WaitUntil(() => Volatile.Read(ref handled) >= WarmUp + Measured);

        Assert.True(checksum > 0);
        Assert.Equal(0, after - before);
    }

    private static int ThreadCount()
    {
        using var process = Process.GetCurrentProcess();
        return process.Threads.Count;
    }
}
