using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Health;

/// <summary>Configuration section "Health": what the health check probes and when it alerts.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>A component slower than this (ms) is Degraded and raises an alert. Default 1000.</summary>
    [Range(1, 60_000)]
    public int LatencyThresholdMs { get; set; } = 1000;

    /// <summary>Alert when more than this share of probes failed over the window. Default 0.05 (5 %).</summary>
    [Range(0.0, 1.0)]
    public double ErrorRateThreshold { get; set; } = 0.05;

    /// <summary>How many recent checks the error rate covers. Default 10 (ten minutes at the default schedule).</summary>
    [Range(1, 1000)]
    public int ErrorRateWindowChecks { get; set; } = 10;

    /// <summary>Each probe's time limit in seconds; a probe over it is Down. Default 5.</summary>
    [Range(1, 60)]
    public int ProbeTimeoutSeconds { get; set; } = 5;

    /// <summary>The MediaHost's health URL (e.g. http://mediahost:8080/health); empty = not checked.</summary>
    public string? MediaHostHealthUrl { get; set; }

    /// <summary>Where alerts and recovery messages are POSTed as JSON; empty = alerts are only logged.</summary>
    public string? AlertWebhookUrl { get; set; }

    /// <summary>Table of health snapshots, the alert state and the last alerts. Default "HealthSnapshots".</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string SnapshotTableName { get; set; } = "HealthSnapshots";

    /// <summary>How many of the newest alerts the health table keeps for the console (older ones are deleted as new ones come). Default 100.</summary>
    [Range(1, 10_000)]
    public int AlertsKept { get; set; } = 100;

    /// <summary>A snapshot older than this many minutes makes GET /health answer 503 (the timer stopped). Default 5.</summary>
    [Range(1, 24 * 60)]
    public int StaleAfterMinutes { get; set; } = 5;
}
