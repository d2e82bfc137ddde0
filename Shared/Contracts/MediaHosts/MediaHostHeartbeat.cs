namespace VoiceFunctions.Shared.MediaHosts;

/// <summary>
/// What a MediaHost posts to <c>POST /api/mediahosts/{hostId}/heartbeat</c> every few seconds: it is alive, and these
/// are the calls it carries. One request per host, whatever its number of calls; signed like an agent event (HS256 JWT
/// with the agent-events key over the body). The control plane presumes the host lost when its heartbeats stop for
/// <see cref="LostAfter"/>, and closes the calls of its last heartbeat as MediaHostLost.
/// </summary>
public sealed record MediaHostHeartbeat
{
    /// <summary>The host's id (<see cref="MediaHostIds"/>); matches the URL.</summary>
    public required string HostId { get; init; }

    /// <summary>When this process started: a different value from the same host id means the host restarted, and the calls it no longer lists died with it.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    /// <summary>How often the host sends a heartbeat, in seconds.</summary>
    public required double IntervalSeconds { get; init; }

    /// <summary>True on the last heartbeat of a host shutting down cleanly: its calls ended and were reported; nothing to close.</summary>
    public bool Leaving { get; init; }

    /// <summary>The calls in progress on the host (answered, not yet ended), under the control plane's call ids.</summary>
    public IReadOnlyList<MediaHostCall> Calls { get; init; } = [];

    /// <summary>Heartbeats missed before the host is presumed lost: one late or lost request is not a death.</summary>
    public const int MissedBeforeLost = 3;

    /// <summary>The most calls one heartbeat may list (a host's capacity is about 1,000).</summary>
    public const int MaxCalls = 4000;

    /// <summary>The silence after which the control plane presumes this host lost: <see cref="MissedBeforeLost"/> intervals, at least 3 s.</summary>
    public TimeSpan LostAfter => TimeSpan.FromSeconds(Math.Max(3, MissedBeforeLost * IntervalSeconds));
}
