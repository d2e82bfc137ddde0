namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>When new calls are refused because the process is short of CPU.</summary>
public sealed record CpuAdmissionOptions
{
    /// <summary>
    /// Refuse new calls (503) when the process used at least this share of all cores over <see cref="Window"/>,
    /// in percent (default 85): above it the calls in progress would start to stutter, which is worse than a retry.
    /// </summary>
    public double ThresholdPercent { get; init; } = 85;

    /// <summary>The span usage is averaged over (default 5 s): long enough to ignore a GC spike, short enough to react.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often CPU time is sampled (default 1 s).</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The Retry-After of the 503 (default 10 s): about when the window will have moved on.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(10);
}
