using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.MediaHosts;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>
/// Handles one MediaHost heartbeat: verify its signature (the agent-events key; 401/413), parse and check it (400), then
/// raise it into the host's <see cref="MediaHostMonitor"/>, starting the monitor when none runs (the host's first
/// heartbeat, or its first after it was presumed lost or left). One instance lookup and one raise per heartbeat.
/// </summary>
public sealed class MediaHostHeartbeatHandler(AgentEventVerifier verifier, ILogger<MediaHostHeartbeatHandler> logger)
{
    public async Task<HttpResponseResult> HandleAsync(HttpRequest request, string hostId, DurableTaskClient client, CancellationToken ct)
    {
        var body = await WebhookBodyReader.ReadAsync(request.Body, request.ContentLength, verifier.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"the body is over the limit of {verifier.MaxBodyBytes} bytes");
        }
        if (verifier.Verify(body, request.Headers.Authorization.ToString()) is { } refusal)
        {
            return Refuse(refusal.Status, refusal.Reason);
        }
        if (MediaHostHeartbeatParser.TryParse(body, hostId, out var problem) is not { } heartbeat)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem!);
        }
        var instanceId = MediaHostMonitor.InstanceId(hostId);
        var monitor = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct).ConfigureAwait(false);
        if ((monitor is null || monitor.IsCompleted) && await TryStartMonitorAsync(client, instanceId, heartbeat, ct).ConfigureAwait(false))
        {
            MediaHostLog.MonitorStarted(logger, hostId, heartbeat.Calls.Count);
            return HttpResponseResult.Text(StatusCodes.Status200OK, "started");
        }
        await client.RaiseEventAsync(instanceId, MediaHostMonitor.HeartbeatEvent, heartbeat, ct).ConfigureAwait(false);
        return HttpResponseResult.Text(StatusCodes.Status200OK, "raised");
    }

    /// <summary>
    /// Starts the host's monitor unless one is active. A monitor that ended (the host was presumed lost, or left) is
    /// replaced; an active one is not: two heartbeats that both found none a moment ago (a host's first beats, sent
    /// close together or retried) would otherwise replace the monitor the first one started, and its watch with it.
    /// False when another heartbeat's start won: this one is raised into that monitor.
    /// </summary>
    private static Task<bool> TryStartMonitorAsync(DurableTaskClient client, string instanceId, MediaHostHeartbeat heartbeat, CancellationToken ct) =>
        StartOnce.TryStartAsync(client, nameof(MediaHostMonitor), new MediaHostWatch(heartbeat),
            new StartOrchestrationOptions(InstanceId: instanceId).WithDedupeStatuses(ActiveStatuses), ct);

    private static readonly OrchestrationRuntimeStatus[] ActiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private HttpResponseResult Refuse(int status, string reason)
    {
        MediaHostLog.Refused(logger, status, reason);
        return HttpResponseResult.Text(status, reason);
    }
}
