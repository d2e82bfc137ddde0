using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>Configuration section "LocalHost": only the local host reads it.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    /// <summary>
    /// Run the timer functions at all (off in tests and benchmarks that only post webhooks). Default true. Each runs on
    /// the function app's own schedule setting (HealthCheckSchedule, ReconciliationSchedule,
    /// PurgeSchedule: NCRONTAB with seconds, UTC), never on start.
    /// </summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>Where orchestrations are kept. Default AzureStorage (the production provider, over AzureWebJobsStorage).</summary>
    public DurableBackend DurableBackend { get; set; } = DurableBackend.AzureStorage;

    /// <summary>
    /// Task hub name instead of host.json's hubName (tests give each run its own hub in the shared Azurite).
    /// Letters and digits, 3-45 characters, starting with a letter. Default: host.json's.
    /// </summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string? TaskHubName { get; set; }

    /// <summary>host.json to read (route prefix, task hub). Default: host.json beside the local host's assembly.</summary>
    public string? HostJsonPath { get; set; }

    /// <summary>Loopback port of the Durable gRPC sidecar (the worker and client connect to it); 0 = pick a free one. Default 0.</summary>
    [Range(0, 65_535)]
    public int DurablePort { get; set; }

    /// <summary>
    /// How many loops fetch activity work items from the provider at once (<see cref="ActivityPrefetch"/>). Default 8.
    /// In Azure each instance has one and instances scale out; the local host is one instance on Azurite, where one loop held
    /// activities to one per queue read (~7 per second when a read took 136 ms). 1 = as one Azure instance.
    /// </summary>
    [Range(1, 64)]
    public int ActivityFetchers { get; set; } = 8;
}
