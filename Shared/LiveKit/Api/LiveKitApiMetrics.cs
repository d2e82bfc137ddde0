using System.Diagnostics.Metrics;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>Records every attempt of every API call: how long it took and how it ended (and counts the failures).</summary>
public sealed class LiveKitApiMetrics
{
    /// <summary>The outcome of an attempt that got a good answer; every other outcome counts as an error.</summary>
    public const string SuccessOutcome = "success";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;

    public LiveKitApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(LiveKitMetricNames.Meter);
        _duration = meter.CreateHistogram<double>(
            LiveKitMetricNames.ApiDuration, unit: "s", description: "Duration of one attempt of a LiveKit server API call");
        _requests = meter.CreateCounter<long>(LiveKitMetricNames.ApiRequests, "{request}", "Attempts of LiveKit server API calls");
        _errors = meter.CreateCounter<long>(LiveKitMetricNames.ApiErrors, "{error}", "Attempts of LiveKit server API calls that failed");
    }

    public void RecordAttempt(TwirpMethod method, int attempt, string outcome, TimeSpan elapsed)
    {
        var methodTag = new KeyValuePair<string, object?>(LiveKitMetricNames.MethodTag, method.FullName);
        var outcomeTag = new KeyValuePair<string, object?>(LiveKitMetricNames.OutcomeTag, outcome);
        _duration.Record(elapsed.TotalSeconds, methodTag, outcomeTag, new KeyValuePair<string, object?>(LiveKitMetricNames.AttemptTag, attempt));
        _requests.Add(1, methodTag, outcomeTag);
        if (outcome != SuccessOutcome)
        {
            _errors.Add(1, methodTag, outcomeTag);
        }
    }
}
