using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>
/// Real UDP on loopback and the real media clock while every thread-pool thread is blocked for a second (what a
/// full test run, or blocking code in a provider, does to the process). The media clock and the RTP receive path
/// run on threads of their own, so both keep going through the starvation; when they ran on the pool, nothing
/// moved for the whole second, then a burst of late ticks and packets cost the sipp interop test ~0.65 s of its
/// stream. The test checks progress during the stall, not timing, so a loaded machine does not make it flaky.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class ThreadPoolStarvationTests
{
    [Fact]
    public async Task Media_clock_and_rtp_receive_keep_running_while_the_thread_pool_is_blocked()
    {
        var clock = new MediaClock(TimeProvider.System);
        clock.Start();
        var basePort = 46000 + 2 * Random.Shared.Next(0, 1500);
        var factory = new RtpMediaSessionFactory(UdpDatagramSocket.Factory, IPAddress.Loopback,
            new RtpOptions { PortMin = basePort, PortMax = basePort + 9 }, clock, TimeProvider.System, new MediaMetrics(), [MediaCodec.Pcmu]);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var session = (RtpMediaSession)factory.TryAllocate("starved")!;
        session.Start(new NegotiatedMedia((IPEndPoint)peer.LocalEndPoint!, MediaCodec.Pcmu, 0, 101, 20, MediaDirection.SendReceive));
        var statistics = () => session.Inbound!.JitterBuffer.Statistics;

        const int packets = 100;
        (long Ticks, long Received) early = default, late = default;
        var blockers = 0;
        var sender = new Thread(() =>
        {
            var packet = new byte[RtpHeader.FixedLength + 160];
            MuLaw.Encode(ToneAnalysis.Tone(1000, 8000, 160, 8000), packet.AsSpan(RtpHeader.FixedLength));
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < packets; i++)
            {
                while (Stopwatch.GetElapsedTime(start).TotalMilliseconds < i * 20)
                {
                    Thread.Sleep(1);
                }
                if (i == 20)
                {
                    // More blocking work items than the pool has threads, each holding its thread for 1.5 s: anything
                    // queued to the pool after them waits that long.
                    blockers = ThreadPool.ThreadCount + 4;
                    for (var b = 0; b < blockers; b++)
                    {
                        ThreadPool.UnsafeQueueUserWorkItem(_ => Thread.Sleep(1500), null);
                    }
                }
                if (i == 25)
                {
                    early = (clock.Ticks, statistics().Received);
                }
                if (i == 75)
                {
                    late = (clock.Ticks, statistics().Received);
                }
                new RtpHeader(i == 0, 0, (ushort)(500 + i), (uint)(i * 160), 7).WriteTo(packet);
                peer.SendTo(packet, session.LocalEndpoint);
            }
        }) { IsBackground = true };
        sender.Start();
        await Task.Run(() => sender.Join()).DefaultTimeout();
        await MediaTestPeer.Eventually(() => statistics().Received == packets, "every packet received");
        await session.StopAsync();
        await clock.DisposeAsync();

        // 1 s of the stall lies between the two samples: 50 ticks and 50 packets were due. Half of them is the bound
        // (the machine may be busy); a pool-bound path would show none.
        Assert.True(late.Ticks - early.Ticks >= 25, $"{late.Ticks - early.Ticks} ticks ran during the starvation ({blockers} blocked pool threads)");
        Assert.True(late.Received - early.Received >= 25, $"{late.Received - early.Received} packets were received during the starvation");
    }
}
