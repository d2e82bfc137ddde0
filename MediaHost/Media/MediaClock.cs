namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The 20 ms media clock. Ticks are scheduled against an absolute timeline (tick n is due at start + (n + 1) ×
/// 20 ms on the injected <see cref="TimeProvider"/>): each wake-up runs every tick that is due, so a late or early
/// timer never adds drift, it only shifts when a tick's work happens. One clock drives many calls (one timer for
/// the host rather than one per call); each target keeps its own per-call RTP timeline, advanced exactly one frame
/// per tick. On the system clock it runs on its own thread, never on the thread pool: whatever else the process
/// does (blocking provider calls, a burst of work items) cannot hold back the audio.
/// </summary>
public sealed class MediaClock : IAsyncDisposable
{
    /// <summary>
    /// Ticks more than this far behind (1 s) are skipped rather than run in a burst (the host was suspended).
    /// Up to it, a stalled host catches up every frame, so a stall costs delay but no audio.
    /// </summary>
    public const int MaxCatchUpTicks = 50;

    /// <summary>A tick whose work starts more than this after its due time is counted late (half a frame, in ms).</summary>
    public const int LateThresholdMs = 10;

    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly object _targetsLock = new();
    private readonly CancellationTokenSource _stop = new();
    private IMediaClockTarget[] _targets = [];
    private long _startTimestamp;
    private Task? _loop;
    private Thread? _thread;

    public MediaClock(TimeProvider time, int frameMilliseconds = 20)
    {
        _time = time;
        _period = TimeSpan.FromMilliseconds(frameMilliseconds);
        _startTimestamp = time.GetTimestamp();
    }

    /// <summary>Ticks run so far.</summary>
    public long Ticks { get; private set; }

    /// <summary>Ticks whose work started more than <see cref="LateThresholdMs"/> after their due time.</summary>
    public long LateTicks { get; private set; }

    /// <summary>How late each tick's work started after its due time (ms).</summary>
    public LatenessHistogram Lateness { get; } = new();

    /// <summary>
    /// How late each call's frame was handled after its due time (ms): the tick's lateness plus the time the calls
    /// before it in the same tick took. This is when the call's outgoing packet leaves.
    /// </summary>
    public LatenessHistogram FrameLateness { get; } = new();

    /// <summary>Call frames handled more than <see cref="LateThresholdMs"/> after their due time.</summary>
    public long LateFrames { get; private set; }

    /// <summary>Ticks skipped because the host fell more than <see cref="MaxCatchUpTicks"/> behind.</summary>
    public long SkippedTicks { get; private set; }

    /// <summary>Target ticks that threw (a bug; counted so it shows in metrics).</summary>
    public long FailedTicks { get; private set; }

    public int TargetCount => Volatile.Read(ref _targets).Length;

    public void Add(IMediaClockTarget target)
    {
        lock (_targetsLock)
        {
            _targets = [.. _targets, target];
        }
    }

    public void Remove(IMediaClockTarget target)
    {
        lock (_targetsLock)
        {
            _targets = _targets.Where(t => !ReferenceEquals(t, target)).ToArray();
        }
    }

    /// <summary>
    /// Starts ticking (production): on the system clock a dedicated thread sleeps until each tick is due; on any other
    /// time provider (tests) a timer loop on that provider. Tests may also call <see cref="RunDueTicks"/> directly.
    /// </summary>
    public void Start()
    {
        _startTimestamp = _time.GetTimestamp();
        Ticks = 0;
        if (ReferenceEquals(_time, TimeProvider.System))
        {
            _thread = new Thread(RunOnOwnThread) { IsBackground = true, Name = "media-clock", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
            return;
        }
        var timer = new PeriodicTimer(_period, _time); // created here, so its first period starts now
        _loop = Task.Run(() => RunAsync(timer));
    }

    /// <summary>Runs every tick due by now; returns how many ran.</summary>
    public int RunDueTicks()
    {
        var elapsed = _time.GetElapsedTime(_startTimestamp);
        var due = (long)(elapsed.Ticks / _period.Ticks);
        if (due - Ticks > MaxCatchUpTicks)
        {
            SkippedTicks += due - Ticks - MaxCatchUpTicks;
            Ticks = due - MaxCatchUpTicks;
        }
        var ran = 0;
        while (Ticks < due)
        {
            var lateMs = (elapsed - TimeSpan.FromTicks((Ticks + 1) * _period.Ticks)).TotalMilliseconds;
            Lateness.Record(lateMs);
            if (lateMs > LateThresholdMs)
            {
                LateTicks++;
            }
            Ticks++;
            // The tick's own due time, not the wall time: ticks caught up after a stall each see their place on the
            // timeline, so the jitter buffer plays what arrived meanwhile instead of taking it for excess delay.
            var nowMs = (long)Math.Round((_time.GetElapsedTime(0, _startTimestamp) + TimeSpan.FromTicks(Ticks * _period.Ticks)).TotalMilliseconds);
            var dueAt = TimeSpan.FromTicks(Ticks * _period.Ticks);
            foreach (var target in Volatile.Read(ref _targets))
            {
                var frameLateMs = (_time.GetElapsedTime(_startTimestamp) - dueAt).TotalMilliseconds;
                FrameLateness.Record(frameLateMs);
                if (frameLateMs > LateThresholdMs)
                {
                    LateFrames++;
                }
                try
                {
                    target.OnTick(nowMs);
                }
                catch (Exception)
                {
                    FailedTicks++; // one call's bug must not stop every other call's audio
                }
            }
            ran++;
        }
        return ran;
    }

    private void RunOnOwnThread()
    {
        while (!_stop.IsCancellationRequested)
        {
            var next = TimeSpan.FromTicks((Ticks + 1) * _period.Ticks);
            var waitMs = Math.Ceiling((next - _time.GetElapsedTime(_startTimestamp)).TotalMilliseconds);
            if (waitMs > 0)
            {
                Thread.Sleep((int)waitMs); // rounded up: waking a little after the due time beats spinning before it
            }
            RunDueTicks();
        }
    }

    private async Task RunAsync(PeriodicTimer timer)
    {
        using var owned = timer;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                RunDueTicks();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
        _thread?.Join();
        _stop.Dispose();
    }
}
