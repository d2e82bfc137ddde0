using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.MediaHosts;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Tells the control plane every <see cref="ControlPlaneOptions.HeartbeatInterval"/> that this MediaHost is alive and
/// which calls it carries (<c>POST {BaseUrl}/api/mediahosts/{hostId}/heartbeat</c>, signed with the agent-events key):
/// one request per host, whatever its number of calls; an interval of 0 turns it off. A failed heartbeat is not retried, the next one is the retry.
/// On a clean shutdown it sends a last heartbeat that says the host is leaving; it is registered before the event
/// sender, so it stops after it: the drained calls' reports have been flushed by then and the control plane closes
/// nothing that ended normally.
/// </summary>
public sealed class MediaHostHeartbeatSender(HttpClient http, ControlPlaneOptions options, CallEventReporter reporter, TimeProvider time,
    ILogger<MediaHostHeartbeatSender> logger) : BackgroundService
{
    private readonly SignedControlPlanePost _post = new(http, options, time);
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private readonly string _hostId = options.EffectiveHostId;
    private bool _failing;

    /// <summary>Heartbeats the control plane took.</summary>
    public long Sent { get; private set; }

    private bool Enabled => options.HeartbeatInterval > TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // On a fixed beat: a slow request delays this heartbeat, not every one after it.
                var next = time.GetUtcNow() + options.HeartbeatInterval;
                await SendAsync(leaving: false, stoppingToken).ConfigureAwait(false);
                var wait = next - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (Enabled)
        {
            await SendAsync(leaving: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one heartbeat listing the calls in progress now; true when the control plane took it.</summary>
    public async Task<bool> SendAsync(bool leaving, CancellationToken ct)
    {
        var body = MediaHostHeartbeatParser.Serialize(new MediaHostHeartbeat
        {
            HostId = _hostId, StartedAt = _startedAt, SentAt = time.GetUtcNow(), IntervalSeconds = options.HeartbeatInterval.TotalSeconds,
            Leaving = leaving, Calls = reporter.LiveCalls,
        });
        SignedControlPlanePost.Answer answer;
        try
        {
            answer = await _post.SendAsync($"api/mediahosts/{Uri.EscapeDataString(_hostId)}/heartbeat", body, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false; // shutting down
        }
        if (answer.Succeeded)
        {
            Sent++;
            if (_failing)
            {
                _failing = false;
                ControlPlaneLog.HeartbeatRecovered(logger, _hostId);
            }
            return true;
        }
        var problem = answer.Problem;
        if (!_failing)
        {
            _failing = true; // logged once per outage, not every few seconds
            ControlPlaneLog.HeartbeatFailing(logger, _hostId, problem);
        }
        return false;
    }
}
