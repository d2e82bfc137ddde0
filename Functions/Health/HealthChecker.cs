using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Functions.Health;

/// <summary>
/// Probes every component once, in parallel, each with its own time limit: the LiveKit API
/// (ListRooms), the SIP setup (inbound trunks, dispatch rules and the MediaHost's outbound trunk are
/// present), the MediaHost's /health, and Table storage.
/// </summary>
public sealed class HealthChecker(
    RoomServiceClient rooms,
    SipServiceClient sip,
    CallStore store,
    IHttpClientFactory http,
    IOptions<HealthOptions> options,
    IOptions<AgentDispatchOptions> dispatch,
    ControlPlaneMetrics metrics,
    TimeProvider time)
{
    public const string LiveKit = "livekit";
    public const string Sip = "sip";
    public const string MediaHost = "mediahost";
    public const string Storage = "storage";
    public const string HttpClientName = "VoiceFunctions.Health";

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        var components = await Task.WhenAll(CheckLiveKitAsync(ct), CheckSipAsync(ct), CheckMediaHostAsync(ct), CheckStorageAsync(ct)).ConfigureAwait(false);
        return new HealthReport(time.GetUtcNow(), components);
    }

    public Task<ComponentHealth> CheckLiveKitAsync(CancellationToken ct) => ProbeAsync(LiveKit, async token =>
    {
        var list = await rooms.ListRoomsAsync(cancellationToken: token).ConfigureAwait(false);
        return (HealthStatus.Healthy, $"{list.Count} room(s) open");
    }, ct);

    public Task<ComponentHealth> CheckSipAsync(CancellationToken ct) => ProbeAsync(Sip, async token =>
    {
        var inbound = await sip.ListInboundTrunksAsync(cancellationToken: token).ConfigureAwait(false);
        var rules = await sip.ListDispatchRulesAsync(cancellationToken: token).ConfigureAwait(false);
        var problems = new List<string>();
        if (inbound.Count == 0)
        {
            problems.Add("no inbound trunk");
        }
        if (rules.Count == 0)
        {
            problems.Add("no dispatch rule");
        }
        var d = dispatch.Value;
        if (d.MissingSetting is { } missing)
        {
            problems.Add(missing);
        }
        if (d.Mode == AgentDispatchMode.Sip && d.OutboundTrunkId is { Length: > 0 } trunkId
            && !await OutboundTrunkExistsAsync(trunkId, token).ConfigureAwait(false))
        {
            problems.Add($"the MediaHost outbound trunk {trunkId} is missing");
        }
        return problems.Count == 0
            ? (HealthStatus.Healthy, $"{inbound.Count} inbound trunk(s), {rules.Count} dispatch rule(s)")
            : (HealthStatus.Degraded, string.Join("; ", problems));
    }, ct);

    private async Task<bool> OutboundTrunkExistsAsync(string trunkId, CancellationToken ct)
    {
        try
        {
            return await sip.GetOutboundTrunkAsync(trunkId, ct).ConfigureAwait(false) is not null;
        }
        catch (LiveKitNotFoundException)
        {
            return false;
        }
    }

    public Task<ComponentHealth> CheckMediaHostAsync(CancellationToken ct)
    {
        var url = options.Value.MediaHostHealthUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return Task.FromResult(new ComponentHealth(MediaHost, HealthStatus.Skipped, 0, "Health:MediaHostHealthUrl is not set"));
        }
        return ProbeAsync(MediaHost, async token =>
        {
            using var response = await http.CreateClient(HttpClientName).GetAsync(url, token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (HealthStatus.Healthy, $"HTTP {(int)response.StatusCode}")
                : (HealthStatus.Down, $"HTTP {(int)response.StatusCode}");
        }, ct);
    }

    public Task<ComponentHealth> CheckStorageAsync(CancellationToken ct) => ProbeAsync(Storage, async token =>
    {
        await store.PingAsync(token).ConfigureAwait(false);
        return (HealthStatus.Healthy, "table " + store.TableName + " reachable");
    }, ct);

    private async Task<ComponentHealth> ProbeAsync(string name, Func<CancellationToken, Task<(HealthStatus, string)>> probe, CancellationToken ct)
    {
        var o = options.Value;
        // The time limit runs on the injected clock, like the latency it is compared with.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(o.ProbeTimeoutSeconds), time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var started = time.GetTimestamp();
        HealthStatus status;
        string detail;
        try
        {
            (status, detail) = await probe(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            (status, detail) = (HealthStatus.Down, $"no answer within {o.ProbeTimeoutSeconds} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's message names the failure; LiveKit client exceptions never carry secrets.
            (status, detail) = (HealthStatus.Down, e.GetType().Name + ": " + e.Message);
        }
        var latency = (int)time.GetElapsedTime(started).TotalMilliseconds;
        if (status == HealthStatus.Healthy && latency > o.LatencyThresholdMs)
        {
            (status, detail) = (HealthStatus.Degraded, $"slow: {latency} ms > {o.LatencyThresholdMs} ms; {detail}");
        }
        metrics.HealthChecked(name, status switch
        {
            HealthStatus.Healthy => MetricTags.HealthResults.Healthy,
            HealthStatus.Degraded => MetricTags.HealthResults.Degraded,
            _ => MetricTags.HealthResults.Down,
        });
        return new ComponentHealth(name, status, latency, detail);
    }
}
