using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>Configuration section "LocalHost": only the local host reads it.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    /// <summary>Seconds between health checks. Default 60 (the function app's HealthCheckSchedule).</summary>
    [Range(1, 86_400)]
    public int HealthCheckSeconds { get; set; } = 60;

    /// <summary>Seconds between token refreshes. Default 600.</summary>
    [Range(1, 86_400)]
    public int TokenRefreshSeconds { get; set; } = 600;

    /// <summary>Seconds between reconciliation runs. Default 300.</summary>
    [Range(1, 86_400)]
    public int ReconciliationSeconds { get; set; } = 300;

    /// <summary>Run the timers at all (off in tests and benchmarks that only post webhooks). Default true.</summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>Loopback port of the in-process Durable backend's gRPC endpoint; 0 = pick a free one. Default 0.</summary>
    [Range(0, 65_535)]
    public int DurablePort { get; set; }
}
