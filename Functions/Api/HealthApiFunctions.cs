using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Webhooks;

namespace VoiceFunctions.Functions.Api;

/// <summary>
/// GET /api/health (the latest snapshot's overall status; 503 when down or stale), /api/health/detailed
/// (every component of the latest snapshot), /api/health/livekit and /api/health/sip (probed now).
/// 200 when healthy or degraded, 503 when down.
/// </summary>
public sealed class HealthApiFunctions(ApiAccessGuard guard, HealthSnapshotStore snapshots, HealthChecker checker, IOptions<HealthOptions> options, TimeProvider time)
{
    [Function("Health")]
    public async Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var latest = await snapshots.GetLatestAsync(ct).ConfigureAwait(false);
        if (latest is null)
        {
            return HttpResponseResult.JsonBody(StatusCodes.Status503ServiceUnavailable, new { status = "unknown", reason = "no health check has run yet" });
        }
        var stale = time.GetUtcNow() - latest.CheckedAt > TimeSpan.FromMinutes(options.Value.StaleAfterMinutes);
        var status = stale ? "stale" : latest.Overall.ToString().ToLowerInvariant();
        return HttpResponseResult.JsonBody(stale || latest.Overall == HealthStatus.Down ? 503 : 200, new { status, checkedAt = latest.CheckedAt });
    }

    [Function("HealthDetailed")]
    public async Task<IActionResult> Detailed([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/detailed")] HttpRequest request, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var latest = await snapshots.GetLatestAsync(ct).ConfigureAwait(false);
        return latest is null
            ? HttpResponseResult.JsonBody(StatusCodes.Status503ServiceUnavailable, new { status = "unknown", reason = "no health check has run yet" })
            : HttpResponseResult.JsonBody(latest.Overall == HealthStatus.Down ? 503 : 200, new { status = latest.Overall, latest.CheckedAt, latest.Components });
    }

    [Function("HealthLiveKit")]
    public Task<IActionResult> LiveKit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/livekit")] HttpRequest request, CancellationToken ct) =>
        ProbeAsync(request, checker.CheckLiveKitAsync, ct);

    [Function("HealthSip")]
    public Task<IActionResult> Sip([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/sip")] HttpRequest request, CancellationToken ct) =>
        ProbeAsync(request, checker.CheckSipAsync, ct);

    private async Task<IActionResult> ProbeAsync(HttpRequest request, Func<CancellationToken, Task<ComponentHealth>> probe, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var component = await probe(ct).ConfigureAwait(false);
        return HttpResponseResult.JsonBody(component.Status == HealthStatus.Down ? 503 : 200, component);
    }
}
