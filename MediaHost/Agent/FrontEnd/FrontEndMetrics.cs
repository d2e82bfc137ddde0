using System.Diagnostics.Metrics;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Per-call front-end metrics on the agent's meter ("VoiceFunctions.MediaHost.Agent"), recorded when a call's
/// front-end is disposed: mean echo return loss enhancement while the agent talked, and double-talk time.
/// </summary>
public sealed class FrontEndMetrics
{
    /// <summary>Metric names in the project's "voicefunctions." scheme (kept here, beside their only producer).</summary>
    public const string CallErle = "voicefunctions.frontend.call_erle";
    public const string CallDoubleTalk = "voicefunctions.frontend.call_double_talk";

    private readonly Histogram<double> _erle;
    private readonly Histogram<double> _doubleTalk;

    public FrontEndMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(AgentMetrics.MeterName);
        _erle = meter.CreateHistogram<double>(CallErle, "dB", "Mean echo return loss enhancement of a call while the agent talked");
        _doubleTalk = meter.CreateHistogram<double>(CallDoubleTalk, "s", "Time the caller talked over the agent in a call");
    }

    public void Record(FrontEndCallStats stats)
    {
        if (stats.MeanErleDb is { } erle)
        {
            _erle.Record(erle);
        }
        _doubleTalk.Record(stats.DoubleTalkSeconds);
    }
}
