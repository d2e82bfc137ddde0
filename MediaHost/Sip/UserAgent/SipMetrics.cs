using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// SIP counters: requests by method, responses by method and code, malformed input, rejected sources, active
/// dialogs. Published on the "VoiceFunctions.MediaHost.Sip" meter and kept as a snapshot for /metrics.
/// </summary>
public sealed class SipMetrics : IDisposable
{
    public const string MeterName = "VoiceFunctions.MediaHost.Sip";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _requests;
    private readonly Counter<long> _responses;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _malformed;
    private readonly ConcurrentDictionary<string, long> _snapshot = new();
    private Func<int>? _activeDialogs;

    public SipMetrics()
    {
        _requests = _meter.CreateCounter<long>(MetricNames.SipRequests, description: "SIP requests received and sent, by method");
        _responses = _meter.CreateCounter<long>(MetricNames.SipResponses, description: "SIP responses sent, by method and status code");
        _rejected = _meter.CreateCounter<long>(MetricNames.SipRejectedSources, description: "Requests dropped or refused by the inbound policy");
        _malformed = _meter.CreateCounter<long>(MetricNames.SipMalformed, description: "Malformed messages (answered 400 or dropped)");
        _meter.CreateObservableGauge(MetricNames.SipActiveDialogs, () => _activeDialogs?.Invoke() ?? 0, description: "Calls in progress");
    }

    public void ObserveActiveDialogs(Func<int> active) => _activeDialogs = active;

    public void Request(string method)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("method", method));
        Bump($"sip_requests_total{{method=\"{Safe(method)}\"}}");
    }

    public void Response(string method, int code)
    {
        _responses.Add(1, new("method", method), new("code", code));
        Bump($"sip_responses_total{{method=\"{Safe(method)}\",code=\"{code}\"}}");
    }

    public void RejectedSource()
    {
        _rejected.Add(1);
        Bump("sip_rejected_sources_total");
    }

    public void Malformed()
    {
        _malformed.Add(1);
        Bump("sip_malformed_total");
    }

    public void CallStarted() => Bump("sip_calls_total");

    public void CallEnded() => Bump("sip_calls_ended_total");

    /// <summary>The counters in Prometheus text exposition format.</summary>
    public string ToPrometheusText()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _snapshot.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append(' ').Append(value).Append('\n');
        }
        builder.Append("sip_active_dialogs ").Append(_activeDialogs?.Invoke() ?? 0).Append('\n');
        return builder.ToString();
    }

    public long Get(string name) => _snapshot.TryGetValue(name, out var value) ? value : 0;

    private void Bump(string name) => _snapshot.AddOrUpdate(name, 1, (_, v) => v + 1);

    private static readonly HashSet<string> KnownMethods =
        ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "REFER", "NOTIFY", "REGISTER", "SUBSCRIBE", "MESSAGE", "UPDATE", "PRACK", "PUBLISH"];

    // Methods come from the wire: unknown ones share one label so a scanner cannot grow the metric set.
    private static string Safe(string method) => KnownMethods.Contains(method) ? method : "other";

    public void Dispose() => _meter.Dispose();
}
