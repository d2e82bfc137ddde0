using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Posts queued call events to the control plane's AgentEvents endpoint, signed like a LiveKit webhook with
/// the agent-events key. Each request has a timeout; timeouts, network errors, 5xx, 429 and 404 (the call's
/// record not there yet) are retried a bounded number of times with a doubling delay; other refusals are
/// logged and dropped. A retry repeats the event id, so the control plane acts once. Events of different calls are
/// sent side by side, each call's in order (see <see cref="ExecuteAsync"/>). What the control plane answers to a taken
/// event goes to <paramref name="finishedCalls"/> (when given), which hangs up a live call the control plane has already
/// finished.
/// </summary>
public sealed class ControlPlaneEventSender(
    CallEventQueue queue, HttpClient http, ControlPlaneOptions options, TimeProvider time, ILogger<ControlPlaneEventSender> logger,
    FinishedCallHangUp? finishedCalls = null) : BackgroundService
{
    private readonly SignedControlPlanePost _post = new(http, options, time);
    private readonly Meter _meter = new(MeterName);
    private Histogram<double>? _delivery;

    public const string MeterName = "VoiceFunctions.MediaHost.ControlPlane";

    /// <summary>Bucket bounds of the delivery-latency histogram, in ms: fine below 100 ms, where a healthy delivery is.</summary>
    private static readonly double[] DeliveryBuckets = [1, 2, 5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 2000, 5000, 10000, 30000];

    private Histogram<double> Delivery => _delivery ??= _meter.CreateHistogram(MetricNames.AgentEventDelivery, "ms",
        "From a call event's occurrence to the control plane's acknowledgement", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DeliveryBuckets });
    private long _sent;
    private long _failed;

    public long Sent => Interlocked.Read(ref _sent);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>
    /// Sends on <see cref="ControlPlaneOptions.SendConcurrency"/> lanes, each one event at a time: a call always goes on
    /// the same lane, so its events arrive in order (its answer before its end), while one call's slow or retried event
    /// holds up only the calls that share its lane, not the host's every report. Each lane holds its share of
    /// <see cref="ControlPlaneOptions.QueueCapacity"/>; a full lane holds the queue, which then drops (and counts) new
    /// events as before.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lanes = Enumerable.Range(0, options.SendConcurrency)
            .Select(_ => Channel.CreateBounded<AgentEventMessage>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity / options.SendConcurrency))
            {
                SingleReader = true,
                SingleWriter = true,
            }))
            .ToArray();
        var senders = lanes.Select(lane => SendAllAsync(lane.Reader, stoppingToken)).ToArray();
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await lanes[LaneOf(message.CallId, lanes.Length)].Writer.WriteAsync(message, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Writer.TryComplete();
            }
            await Task.WhenAll(senders).ConfigureAwait(false);
        }
    }

    /// <summary>The lane of a call's events: FNV-1a of its id, the same in every process.</summary>
    public static int LaneOf(string callId, int lanes)
    {
        var hash = 2166136261u;
        foreach (var c in callId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)lanes);
    }

    private async Task SendAllAsync(ChannelReader<AgentEventMessage> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in lane.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await SendAsync(message, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// On shutdown, first sends what is queued (for at most <see cref="ControlPlaneOptions.ShutdownFlushTimeout"/>):
    /// the SIP service stops before this one, so the hangup reports of the calls its drain ended are queued by now,
    /// and without a flush the call history would never learn how they ended.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        if (ExecuteTask is { IsCompleted: false } running)
        {
            try
            {
                await running.WaitAsync(options.ShutdownFlushTimeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                ControlPlaneLog.FlushIncomplete(logger, options.ShutdownFlushTimeout.TotalSeconds);
            }
            catch (OperationCanceledException)
            {
            }
        }
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one event with its retries; true when the control plane took it.</summary>
    public async Task<bool> SendAsync(AgentEventMessage message, CancellationToken ct)
    {
        var body = AgentEventParser.Serialize(message);
        var path = $"api/calls/{Uri.EscapeDataString(message.CallId)}/events";
        var delay = options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var answer = await _post.SendAsync(path, body, ct).ConfigureAwait(false);
            if (answer.Succeeded)
            {
                Interlocked.Increment(ref _sent);
                Delivery.Record((time.GetUtcNow() - message.OccurredAt).TotalMilliseconds, new KeyValuePair<string, object?>("type", message.Type.ToString()));
                ControlPlaneLog.EventSent(logger, message.Type.ToString(), message.CallId, attempt);
                if (finishedCalls is not null)
                {
                    await finishedCalls.OnAnswerAsync(message, ControlPlaneEventAnswer.StatusOf(answer.Body.Span)).ConfigureAwait(false);
                }
                return true;
            }
            var problem = answer.Problem;
            if (answer.Status is { } status && !IsRetryable(status))
            {
                ControlPlaneLog.EventRefused(logger, message.Type.ToString(), message.CallId, problem);
                Interlocked.Increment(ref _failed);
                return false;
            }
            if (attempt >= options.MaxAttempts)
            {
                ControlPlaneLog.EventGaveUp(logger, message.Type.ToString(), message.CallId, attempt, problem);
                Interlocked.Increment(ref _failed);
                return false;
            }
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
            delay *= 2;
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.NotFound or HttpStatusCode.RequestTimeout;

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }
}
