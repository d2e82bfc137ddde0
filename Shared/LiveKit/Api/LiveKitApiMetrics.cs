using System.Diagnostics.Metrics;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>Records every attempt of every API call: how long it took and how it ended.</summary>
public sealed class LiveKitApiMetrics
{
    private readonly Histogram<double> _duration;

    public LiveKitApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(LiveKitMetricNames.Meter);
        _duration = meter.CreateHistogram<double>(
            LiveKitMetricNames.ApiDuration, unit: "s", description: "Duration of one attempt of a LiveKit server API call");
    }

    public void RecordAttempt(TwirpMethod method, int attempt, string outcome, TimeSpan elapsed) =>
        _duration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(LiveKitMetricNames.MethodTag, method.FullName),
            new KeyValuePair<string, object?>(LiveKitMetricNames.OutcomeTag, outcome),
            new KeyValuePair<string, object?>(LiveKitMetricNames.AttemptTag, attempt));
}
