using System.Diagnostics.Metrics;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Media counters: active sessions, packets both ways, and loss/jitter of calls (totals of ended calls plus the
/// live ones), exported on /metrics as observable instruments of a VoiceFunctions meter under MetricNames' names. Counters are lock-free; the per-call figures are read at scrape time.
/// </summary>
public sealed class MediaMetrics : IDisposable
{
    /// <summary>The meter the host's Prometheus endpoint exports (a VoiceFunctions.* meter).</summary>
    public const string MeterName = "VoiceFunctions.MediaHost.Media";

    private readonly object _lock = new();
    private readonly Meter _meter = new(MeterName);
    private readonly HashSet<RtpMediaSession> _active = [];
    private long _packetsReceived;
    private long _packetsSent;
    private long _endedLost;
    private long _endedExpected;
    private long _endedConcealed;
    private long _sessionsStarted;

    public MediaMetrics()
    {
        // Observable instruments read the same counters at collection time, so the per-packet path only
        // increments a long and the exporter sees the names every plane shares (MetricNames).
        _meter.CreateObservableUpDownCounter(MetricNames.CallsActive, () => new Measurement<int>(Snapshot().ActiveCalls, new KeyValuePair<string, object?>("plane", "media")), "{call}");
        _meter.CreateObservableCounter(MetricNames.RtpPacketsReceived, () => Interlocked.Read(ref _packetsReceived), "{packet}");
        _meter.CreateObservableCounter(MetricNames.RtpPacketsSent, () => Interlocked.Read(ref _packetsSent), "{packet}");
        _meter.CreateObservableCounter(MetricNames.RtpPacketsLost, () => Snapshot().PacketsLost, "{packet}");
        _meter.CreateObservableGauge(MetricNames.RtpJitter, () => Snapshot().MeanJitterMs / 1000.0, "s", "Mean RFC 3550 interarrival jitter of calls in progress");
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Exports the media clock's tick counts (late and skipped ticks are late frames on every call in progress).</summary>
    public void ObserveClock(MediaClock clock)
    {
        _meter.CreateObservableCounter(MetricNames.MediaClockTicks, () => clock.Ticks + clock.SkippedTicks, "{tick}");
        _meter.CreateObservableCounter(MetricNames.MediaClockLateTicks, () => clock.LateTicks + clock.SkippedTicks, "{tick}");
        _meter.CreateObservableGauge(MetricNames.MediaThreads, () => new[]
        {
            new Measurement<int>(MediaThreadPriority.Raised, new KeyValuePair<string, object?>("weight", "raised")),
            new Measurement<int>(MediaThreadPriority.Refused, new KeyValuePair<string, object?>("weight", "normal")),
        }, "{thread}");
    }

    /// <summary>Exports how many receive loops serve the sockets and the datagrams each has read (an uneven spread shows here).</summary>
    public void ObserveReceiveLoops(DatagramReceiveLoops loops)
    {
        _meter.CreateObservableGauge(MetricNames.RtpReceiveLoops, () => loops.LoopCount, "{loop}");
        _meter.CreateObservableCounter(MetricNames.RtpReceiveLoopDatagrams, () => Enumerable.Range(0, loops.LoopCount)
            .Select(i => new Measurement<long>(loops.DatagramsRead(i), new KeyValuePair<string, object?>("loop", i))), "{datagram}");
    }

    public void SessionStarted()
    {
        Interlocked.Increment(ref _sessionsStarted);
    }

    public void Track(RtpMediaSession session)
    {
        lock (_lock)
        {
            _active.Add(session);
        }
    }

    public void SessionEnded(RtpMediaSession session)
    {
        lock (_lock)
        {
            if (_active.Remove(session) && session.Inbound is { } inbound)
            {
                _endedLost += Math.Max(0, inbound.Reception.Sequence.Lost);
                _endedExpected += inbound.Reception.Sequence.Expected;
                _endedConcealed += inbound.JitterBuffer.Statistics.Concealed;
            }
        }
    }

    /// <summary>Added delay inbound: RTP packet arrival → its decoded frame queued for the audio loop (ms), all calls.</summary>
    public LatenessHistogram InboundDelay { get; } = new();

    /// <summary>
    /// Added delay outbound, the path's own share (ms, all calls): a frame the audio loop wrote → its RTP packet made
    /// and sent. For a frame written ahead of its 20 ms slot (the writer runs ahead of the clock) it counts from the
    /// slot's opening; the wait before that is in <see cref="OutboundQueuedAhead"/>. In 0.1 ms buckets: it is usually
    /// well under a millisecond.
    /// </summary>
    public LatenessHistogram OutboundDelay { get; } = new(bucketsPerMillisecond: 10);

    /// <summary>
    /// How long frames the audio loop wrote ahead of their slot waited for it (ms, all calls; only such frames):
    /// the writer's own queue, which it controls (write in step with the clock to avoid it).
    /// </summary>
    public LatenessHistogram OutboundQueuedAhead { get; } = new();

    public void PacketReceived() => Interlocked.Increment(ref _packetsReceived);

    public void PacketSent() => Interlocked.Increment(ref _packetsSent);

    public MediaMetricsSnapshot Snapshot()
    {
        lock (_lock)
        {
            long lost = _endedLost, expected = _endedExpected, concealed = _endedConcealed;
            double jitterSum = 0;
            var withAudio = 0;
            foreach (var session in _active)
            {
                if (session.Inbound is not { } inbound)
                {
                    continue;
                }
                lost += Math.Max(0, inbound.Reception.Sequence.Lost);
                expected += inbound.Reception.Sequence.Expected;
                concealed += inbound.JitterBuffer.Statistics.Concealed;
                jitterSum += inbound.JitterBuffer.Statistics.JitterMs;
                withAudio++;
            }
            return new MediaMetricsSnapshot(
                _active.Count,
                Interlocked.Read(ref _sessionsStarted),
                Interlocked.Read(ref _packetsReceived),
                Interlocked.Read(ref _packetsSent),
                lost,
                expected == 0 ? 0 : (double)lost / expected,
                concealed,
                withAudio == 0 ? 0 : jitterSum / withAudio);
        }
    }
}

/// <summary>A point-in-time copy of <see cref="MediaMetrics"/>.</summary>
public sealed record MediaMetricsSnapshot(
    int ActiveCalls,
    long CallsStarted,
    long PacketsReceived,
    long PacketsSent,
    long PacketsLost,
    double LossRatio,
    long FramesConcealed,
    double MeanJitterMs);
