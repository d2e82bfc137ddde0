namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>
/// CPU admission for new calls: samples the process CPU time on a timer and reports the share of all cores used
/// over the last window. While it is at or above the threshold, new INVITEs get 503 with a Retry-After instead
/// of a call that would degrade every call in progress. Until a full window has been seen it admits.
/// </summary>
public sealed class CpuAdmission : IDisposable
{
    private readonly ICpuTimeSource _source;
    private readonly TimeProvider _time;
    private readonly CpuAdmissionOptions _options;
    private readonly int _processors;
    private readonly Queue<(long Timestamp, TimeSpan Cpu)> _samples = new();
    private readonly ITimer _timer;
    private double? _usage;

    public CpuAdmission(ICpuTimeSource source, TimeProvider time, CpuAdmissionOptions options, int? processorCount = null)
    {
        if (options.ThresholdPercent is <= 0 or > 100 || options.Window <= TimeSpan.Zero || options.SampleInterval <= TimeSpan.Zero
            || options.SampleInterval > options.Window)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "CPU admission needs 0 < threshold <= 100 and 0 < sample interval <= window");
        }
        _source = source;
        _time = time;
        _options = options;
        _processors = Math.Max(1, processorCount ?? Environment.ProcessorCount);
        Sample();
        _timer = time.CreateTimer(_ => Sample(), null, options.SampleInterval, options.SampleInterval);
    }

    /// <summary>The share of all cores the process used over the last window (0..1), or null before a full window.</summary>
    public double? Usage
    {
        get
        {
            lock (_samples)
            {
                return _usage;
            }
        }
    }

    /// <summary>True while usage over the window is at or above the threshold: refuse new calls.</summary>
    public bool Overloaded => Usage is { } usage && usage * 100 >= _options.ThresholdPercent;

    public TimeSpan RetryAfter => _options.RetryAfter;

    private void Sample()
    {
        var now = _time.GetTimestamp();
        var cpu = _source.TotalProcessorTime;
        lock (_samples)
        {
            _samples.Enqueue((now, cpu));
            // Keep the newest sample that is at least a window old as the base; drop the ones before it.
            while (_samples.Count > 1 && _time.GetElapsedTime(ElementAt(1).Timestamp, now) >= _options.Window)
            {
                _samples.Dequeue();
            }
            var (baseTimestamp, baseCpu) = _samples.Peek();
            var elapsed = _time.GetElapsedTime(baseTimestamp, now);
            if (elapsed >= _options.Window)
            {
                _usage = Math.Max(0, (cpu - baseCpu).TotalSeconds) / (elapsed.TotalSeconds * _processors);
            }
        }
    }

    private (long Timestamp, TimeSpan Cpu) ElementAt(int index) => _samples.ElementAt(index);

    public void Dispose() => _timer.Dispose();
}
