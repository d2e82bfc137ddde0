using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Net;

public sealed class ReceiveLoopMetricsTests
{
    [SkippableFact]
    public async Task The_loop_count_and_each_loops_datagrams_reach_the_metrics_exporter()
    {
        DatagramReceiveLoopsTests.SkipUnlessEpoll(true);
        const int Datagrams = 37;
        using var metrics = new MediaMetrics();
        using var loops = new DatagramReceiveLoops(3);
        metrics.ObserveReceiveLoops(loops);
        using var socket = UdpDatagramSocket.FactoryOn(loops).Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var handled = 0;
        socket.StartReceiving((_, _) => Interlocked.Increment(ref handled));
        using (var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            for (var i = 0; i < Datagrams; i++)
            {
                peer.SendTo(new byte[20], socket.LocalEndpoint);
            }
        }
        // The loop counts a datagram once its handler returns.
        await DatagramReceiveLoopsTests.WaitUntil(() => Enumerable.Range(0, 3).Sum(loops.DatagramsRead) == Datagrams);

        var seen = new List<(string Name, long Value, object? Loop)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MediaMetrics.MeterName
                    && instrument.Name is MetricNames.RtpReceiveLoops or MetricNames.RtpReceiveLoopDatagrams)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add((instrument.Name, value, tags.ToArray().FirstOrDefault(t => t.Key == "loop").Value)));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => seen.Add((instrument.Name, value, null)));
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Contains((MetricNames.RtpReceiveLoops, 3L, (object?)null), seen);
        var perLoop = seen.Where(m => m.Name == MetricNames.RtpReceiveLoopDatagrams && m.Value == Datagrams).ToArray();
        Assert.NotEmpty(perLoop); // the loop that serves the socket, tagged with its index (other tests' meters report other counts)
        Assert.InRange((int)perLoop[0].Loop!, 0, 2);
    }
}
