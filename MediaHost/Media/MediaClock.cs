namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The 20 ms media clock. Ticks are scheduled against an absolute timeline (start + n × 20 ms on the injected
/// <see cref="TimeProvider"/>): each wake-up runs every tick that is due, so a late or early timer never adds
/// drift, it only shifts when a tick's work happens. One clock drives many calls (one timer for the host rather
/// than one per call); each target keeps its own per-call RTP timeline, advanced exactly one frame per tick.
/// </summary>
public sealed class MediaClock : IAsyncDisposable
{
    /// <summary>Ticks more than this far behind are skipped rather than run in a burst (the host was stalled).</summary>
    public const int MaxCatchUpTicks = 10;

    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly object _targetsLock = new();
    private readonly CancellationTokenSource _stop = new();
    private IMediaClockTarget[] _targets = [];
    private long _startTimestamp;
    private Task? _loop;

    public MediaClock(TimeProvider time, int frameMilliseconds = 20)
    {
        _time = time;
        _period = TimeSpan.FromMilliseconds(frameMilliseconds);
        _startTimestamp = time.GetTimestamp();
    }

    /// <summary>Ticks run so far.</summary>
    public long Ticks { get; private set; }

    /// <summary>Ticks whose work started more than one period after their scheduled time.</summary>
    public long LateTicks { get; private set; }

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

    /// <summary>Starts the timer loop (production). Tests call <see cref="RunDueTicks"/> after advancing fake time.</summary>
    public void Start()
    {
        _startTimestamp = _time.GetTimestamp();
        Ticks = 0;
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
            // Tick n falls due one period after its frame starts, at (n + 1) periods (the timer's first wake-up is
            // one period after the start): it is late when its work starts more than a period after that.
            var scheduled = TimeSpan.FromTicks((Ticks + 1) * _period.Ticks);
            if (elapsed - scheduled > _period)
            {
                LateTicks++;
            }
            Ticks++;
            var nowMs = (long)_time.GetElapsedTime(0).TotalMilliseconds;
            foreach (var target in Volatile.Read(ref _targets))
            {
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

    /// <summary>
    /// Stops the clock. Idempotent: the host stops it (MediaClockHostedService) and the container disposes it
    /// again at exit; a second dispose used to throw and turn a clean SIGTERM shutdown into a crash.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return; // already stopped (reading the flag is safe after the source is disposed)
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
        _stop.Dispose();
    }
}
