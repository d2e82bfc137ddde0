using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>The impaired network the interop tests rely on does what it says: seeded loss, bounded delay, reordering, both ways.</summary>
[Collection(MeasurementCollection.Name)]
public sealed class UdpImpairmentProxyTests
{
    private const int Packets = 400;

    /// <summary>Sends numbered datagrams every 2 ms through a proxy to an echo-less sink; returns the numbers in arrival order.</summary>
    private static async Task<List<int>> RelayAsync(ImpairmentSettings settings)
    {
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 3000 };
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var proxy = new UdpImpairmentProxy((IPEndPoint)sink.LocalEndPoint!, settings, ImpairmentSettings.None);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var arrived = new List<int>();
        var receiving = Task.Run(() =>
        {
            var buffer = new byte[16];
            try
            {
                while (true)
                {
                    sink.Receive(buffer);
                    arrived.Add(BinaryPrimitives.ReadInt32BigEndian(buffer));
                }
            }
            catch (SocketException)
            {
                // three seconds of quiet (not one: a loaded test process can stall for a second): everything that was coming has come
            }
        });
        var packet = new byte[4];
        for (var i = 0; i < Packets; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(packet, i);
            client.SendTo(packet, proxy.FrontEndpoint);
            await Task.Delay(2);
        }
        await receiving.DefaultTimeout();
        return arrived;
    }

    [Fact]
    public async Task The_same_seed_loses_the_same_five_percent_of_packets()
    {
        var settings = new ImpairmentSettings(0.05, TimeSpan.FromMilliseconds(50), Seed: 7);
        var first = await RelayAsync(settings);
        var second = await RelayAsync(settings);

        var lost = Enumerable.Range(0, Packets).Except(first).ToList();
        Assert.InRange(lost.Count, Packets * 0.02, Packets * 0.09);
        Assert.Equal(lost, Enumerable.Range(0, Packets).Except(second));
        Assert.Equal(first.Count, first.Distinct().Count()); // nothing duplicated
    }

    [Fact]
    public async Task Jitter_reorders_packets_and_without_impairment_nothing_is_lost_or_reordered()
    {
        var jittered = await RelayAsync(new ImpairmentSettings(0, TimeSpan.FromMilliseconds(50), Seed: 8));
        var clean = await RelayAsync(ImpairmentSettings.None);

        Assert.Equal(Packets, jittered.Count);
        Assert.True(jittered.Zip(jittered.Skip(1)).Count(p => p.Second < p.First) > Packets / 10, "packets 2 ms apart with 0-50 ms delays overtake each other");
        Assert.Equal(Enumerable.Range(0, Packets), clean);
    }
}
