using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Data.Tables;

namespace VoiceFunctions.Benchmarks.ControlPlane;

/// <summary>
/// Measures, beside a load phase, the candidates for where its time goes: Azurite's answer time (a point read of one
/// row of a one-row table every 500 ms: no scan, so it is the time Azurite's single event loop takes to get to a
/// request), this process's thread pool (work items queued: starvation would delay every continuation here), and the
/// CPU used by this process and by Azurite over the phase (from /proc, as a share of one core), and the requests this
/// process made to Azurite's blob, queue and table ports (.NET's own http.client.request.duration metric, by port).
/// </summary>
internal sealed class WhereTheTimeGoes : IAsyncDisposable
{
    private readonly TableClient _probe;
    private readonly List<double> _pointReadMs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _ownCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly double _azuriteCpuAtStart = AzuriteCpuSeconds();
    private readonly ConcurrentDictionary<int, long> _requestsByPort = new();
    private readonly MeterListener _requests = new();
    private readonly StorageRequestKinds _kinds = new();
    private long _maxQueued;

    private WhereTheTimeGoes(TableClient probe)
    {
        _probe = probe;
        _requests.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "System.Net.Http", Name: "http.client.request.duration" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _requests.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "server.port", Value: int port } && port is >= 10000 and <= 10002)
                {
                    _requestsByPort.AddOrUpdate(port, 1, (_, n) => n + 1);
                }
            }
        });
        _requests.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Requests this process made to Azurite (blob, queue, table) since the start, the probe's own included.</summary>
    public (long Blob, long Queue, long Table) AzuriteRequests =>
        (_requestsByPort.GetValueOrDefault(10000), _requestsByPort.GetValueOrDefault(10001), _requestsByPort.GetValueOrDefault(10002));

    public static async Task<WhereTheTimeGoes> StartAsync(string suffix)
    {
        var probe = new TableClient("UseDevelopmentStorage=true", "benchprobe" + suffix);
        await probe.CreateIfNotExistsAsync();
        await probe.UpsertEntityAsync(new TableEntity("probe", "probe"));
        return new WhereTheTimeGoes(probe);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await _probe.GetEntityIfExistsAsync<TableEntity>("probe", "probe", cancellationToken: _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_pointReadMs)
            {
                _pointReadMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            _maxQueued = Math.Max(_maxQueued, ThreadPool.PendingWorkItemCount);
            try
            {
                await Task.Delay(500, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One line: what the phase's time was spent waiting on.</summary>
    public async Task<string> StopAsync(int calls = 0)
    {
        await _stop.CancelAsync();
        await _loop;
        _requests.Dispose();
        _kinds.Dispose();
        var (blob, queue, tableRequests) = AzuriteRequests;
        var seconds = _clock.Elapsed.TotalSeconds;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - _ownCpuAtStart).TotalSeconds;
        var azurite = AzuriteCpuSeconds() - _azuriteCpuAtStart;
        double[] reads;
        lock (_pointReadMs)
        {
            reads = [.. _pointReadMs.Order()];
        }
        return $"Azurite point read (1-row table, every 0.5 s, {reads.Length} reads): p50 {Pct(reads, 0.5):F0} ms, p95 {Pct(reads, 0.95):F0} ms, max {(reads.Length > 0 ? reads[^1] : 0):F0} ms; " +
            $"CPU over {seconds:F0} s: this process {100 * own / seconds:F0} % of a core, Azurite {(azurite >= 0 ? $"{100 * azurite / seconds:F0} %" : "n/a")}; " +
            $"requests to Azurite: {queue} queue, {tableRequests} table, {blob} blob ({(queue + tableRequests + blob) / seconds:F0}/s{(calls > 0 ? $", {(queue + tableRequests + blob) / (double)calls:F0} per call" : "")}); " +
            $"thread pool queue max {_maxQueued}; load average {File.ReadAllText("/proc/loadavg")[..14]}" +
            (calls > 0 ? Environment.NewLine + "  " + _kinds.Summary(calls) : "");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        await _probe.DeleteAsync();
        _stop.Dispose();
    }

    /// <summary>utime+stime of the Azurite process (found by its command line), in seconds; -1 when not found.</summary>
    private static double AzuriteCpuSeconds()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _) || File.ReadAllText(Path.Combine(dir, "cmdline")) is not { } cmd
                    || !cmd.StartsWith("node", StringComparison.Ordinal) || !cmd.Contains("azurite", StringComparison.Ordinal))
                {
                    continue;
                }
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // utime, stime in clock ticks (100/s)
            }
            catch (IOException)
            {
            }
        }
        return -1;
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
