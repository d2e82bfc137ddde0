using System.Diagnostics.Metrics;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.MediaHost.Tests.Media;

public sealed class MediaMetricsExportTests
{
    [Fact]
    public void Packet_counters_reach_the_metrics_exporter_under_the_shared_metric_names()
    {
        // A count no other test's MediaMetrics instance reaches, so parallel tests cannot be mistaken for ours.
        const int Received = 1_237;
        const int Sent = 1_151;
        using var metrics = new MediaMetrics();
        for (var i = 0; i < Received; i++) metrics.PacketReceived();
        for (var i = 0; i < Sent; i++) metrics.PacketSent();

        var seen = new List<(string Name, double Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MediaMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => { lock (seen) seen.Add((instrument.Name, value)); });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => { lock (seen) seen.Add((instrument.Name, value)); });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => { lock (seen) seen.Add((instrument.Name, value)); });
        listener.Start();
        listener.RecordObservableInstruments();

        lock (seen)
        {
            Assert.Contains((MetricNames.RtpPacketsReceived, (double)Received), seen);
            Assert.Contains((MetricNames.RtpPacketsSent, (double)Sent), seen);
            Assert.Contains(seen, m => m.Name == MetricNames.CallsActive);
            Assert.Contains(seen, m => m.Name == MetricNames.RtpJitter);
        }
    }
}
