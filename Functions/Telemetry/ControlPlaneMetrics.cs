using System.Diagnostics;
using System.Diagnostics.Metrics;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Functions.Telemetry;

/// <summary>
/// The control plane's instruments (meter "VoiceFunctions.ControlPlane"): webhooks, calls and health checks,
/// under the names in <see cref="MetricNames"/> that the alert rules query. Call metrics are recorded by the
/// activities that write the call record (never by the orchestrator, which replays), once per call.
/// </summary>
public sealed class ControlPlaneMetrics
{
    public const string MeterName = "VoiceFunctions.ControlPlane";

    /// <summary>The event tag of a webhook refused before its event could be trusted.</summary>
    public const string UnverifiedEvent = "unverified";

    /// <summary>The direction tag of a call the caller placed.</summary>
    public const string InboundDirection = "inbound";

    /// <summary>The direction tag of a call we placed (POST /api/calls, campaigns).</summary>
    public const string OutboundDirection = "outbound";

    private static readonly KeyValuePair<string, object?> ControlPlane = new(MetricTags.Plane, MetricTags.Planes.ControlPlane);

    private readonly Counter<long> _webhooks;
    private readonly Histogram<double> _webhookDuration;
    private readonly Counter<long> _callsStarted;
    private readonly Counter<long> _callsEnded;
    private readonly Counter<long> _callsFallbacks;
    private readonly Histogram<double> _callsDuration;
    private readonly Counter<long> _healthChecks;

    public ControlPlaneMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _webhooks = meter.CreateCounter<long>(MetricNames.WebhookReceived, "{webhook}", "LiveKit webhooks received, by event and result");
        _webhookDuration = meter.CreateHistogram<double>(MetricNames.WebhookDuration, "s", "Time to verify a webhook and hand it to its call");
        _callsStarted = meter.CreateCounter<long>(MetricNames.CallsStarted, "{call}", "Calls whose record was created");
        _callsEnded = meter.CreateCounter<long>(MetricNames.CallsEnded, "{call}", "Calls finalized, by outcome (the end reason)");
        _callsFallbacks = meter.CreateCounter<long>(MetricNames.CallsFallbacks, "{call}", "Calls the agent never answered, which ended in the fallback");
        _callsDuration = meter.CreateHistogram<double>(MetricNames.CallsDuration, "s", "Answered calls, from answer to end");
        _healthChecks = meter.CreateCounter<long>(MetricNames.HealthChecks, "{check}", "Component health checks, by target and result");
    }

    public void WebhookHandled(string? eventName, string result, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { MetricTags.Event, string.IsNullOrEmpty(eventName) ? UnverifiedEvent : eventName },
            { MetricTags.Result, result },
        };
        _webhooks.Add(1, tags);
        _webhookDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>A call's record was created (a retried activity that created nothing does not count), tagged by who placed it.</summary>
    public void CallStarted(CallDirection direction) =>
        _callsStarted.Add(1, ControlPlane, new KeyValuePair<string, object?>(MetricTags.Direction, direction == CallDirection.Outbound ? OutboundDirection : InboundDirection));

    /// <summary>A call's record was finalized (the first time only).</summary>
    public void CallEnded(CallRecord record)
    {
        var outcome = new KeyValuePair<string, object?>(MetricTags.Outcome, record.EndReason.ToString());
        _callsEnded.Add(1, outcome, ControlPlane);
        if (record.EndReason == CallEndReason.AgentUnavailable)
        {
            // Transferred: a human took the call; AgentUnavailable: the caller heard the apology and the call was ended.
            _callsFallbacks.Add(1, new KeyValuePair<string, object?>(MetricTags.Reason, record.Outcome.ToString()));
        }
        if (record.AnsweredAt is { } answered && record.EndedAt is { } ended && ended >= answered)
        {
            _callsDuration.Record((ended - answered).TotalSeconds, outcome);
        }
    }

    public void HealthChecked(string target, string result) =>
        _healthChecks.Add(1, new KeyValuePair<string, object?>(MetricTags.Target, target), new KeyValuePair<string, object?>(MetricTags.Result, result));
}
