using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Quality;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Reports one answered call's audio quality to the control plane: every <c>interval</c> while the call lasts (on a
/// timer of the injected clock, never on the media path) and once at its end (<see cref="ReportFinal"/>). Each report
/// reads the session's counters, which is a short lock on the call's media, and queues one event: it never waits.
/// </summary>
public sealed class CallQualityMonitor : IDisposable
{
    private readonly ICallSession _session;
    private readonly string _sipCallId;
    private readonly CallEventReporter _reporter;
    private readonly TimeProvider _time;
    private readonly ITimer? _timer;
    private int _reports;
    private int _final;

    public CallQualityMonitor(ICallSession session, string sipCallId, CallEventReporter reporter, TimeProvider time, TimeSpan interval)
    {
        _session = session;
        _sipCallId = sipCallId;
        _reporter = reporter;
        _time = time;
        if (interval > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(_ => ReportPeriodic(), null, interval, interval);
        }
    }

    /// <summary>Periodic reports queued so far.</summary>
    public int PeriodicReports => Volatile.Read(ref _reports);

    /// <summary>Stops the periodic reports and queues the end-of-call one (once; false when the media had no counters).</summary>
    public bool ReportFinal()
    {
        _timer?.Dispose();
        if (Interlocked.Exchange(ref _final, 1) == 1 || _session.ReadQuality() is not { } counters)
        {
            return false;
        }
        _reporter.Quality(_sipCallId, MediaQualityAssessor.Assess(counters, _time.GetUtcNow(), final: true), "final");
        return true;
    }

    public void Dispose() => _timer?.Dispose();

    private void ReportPeriodic()
    {
        if (Volatile.Read(ref _final) == 1 || _session.ReadQuality() is not { } counters)
        {
            return;
        }
        var n = Interlocked.Increment(ref _reports);
        _reporter.Quality(_sipCallId, MediaQualityAssessor.Assess(counters, _time.GetUtcNow(), final: false), n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
