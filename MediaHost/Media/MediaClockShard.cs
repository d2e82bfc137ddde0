namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// One share of the calls a <see cref="MediaClock"/> drives, ticked by one thread on the clock's shared timeline
/// (tick n due at start + (n + 1) × period). Each wake-up runs every tick due, so a late wake-up never adds drift;
/// up to <see cref="MediaClock.MaxCatchUpTicks"/> ticks are caught up, older ones skipped.
/// </summary>
internal sealed class MediaClockShard(MediaClock clock)
{
    private readonly object _targetsLock = new();
    private IMediaClockTarget[] _targets = [];

    public long Ticks { get; set; }

    public long LateTicks { get; private set; }

    public long LateFrames { get; private set; }

    public long SkippedTicks { get; private set; }

    public long FailedTicks { get; private set; }

    public int TargetCount => Volatile.Read(ref _targets).Length;

    public void Add(IMediaClockTarget target)
    {
        lock (_targetsLock)
        {
            _targets = [.. _targets, target];
        }
    }

    public bool Remove(IMediaClockTarget target)
    {
        lock (_targetsLock)
        {
            var before = _targets.Length;
            _targets = _targets.Where(t => !ReferenceEquals(t, target)).ToArray();
            return _targets.Length < before;
        }
    }

    /// <summary>Runs every tick due by now; returns how many ran.</summary>
    public int RunDueTicks()
    {
        var period = clock.Period;
        var elapsed = clock.Elapsed();
        var due = elapsed.Ticks / period.Ticks;
        if (due - Ticks > MediaClock.MaxCatchUpTicks)
        {
            SkippedTicks += due - Ticks - MediaClock.MaxCatchUpTicks;
            Ticks = due - MediaClock.MaxCatchUpTicks;
        }
        var ran = 0;
        while (Ticks < due)
        {
            Ticks++;
            var dueAt = TimeSpan.FromTicks(Ticks * period.Ticks);
            var lateMs = (elapsed - dueAt).TotalMilliseconds;
            clock.Lateness.Record(lateMs);
            if (lateMs > MediaClock.LateThresholdMs)
            {
                LateTicks++;
            }
            // The tick's own due time, not the wall time: ticks caught up after a stall each see their place on the
            // timeline, so the jitter buffer plays what arrived meanwhile instead of taking it for excess delay.
            var nowMs = clock.TimelineMilliseconds(dueAt);
            foreach (var target in Volatile.Read(ref _targets))
            {
                var frameLateMs = (clock.Elapsed() - dueAt).TotalMilliseconds;
                clock.FrameLateness.Record(frameLateMs);
                if (frameLateMs > MediaClock.LateThresholdMs)
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

    /// <summary>The loop of this shard's own thread (system time): sleep until the next tick is due, run it.</summary>
    public void RunOnOwnThread(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var next = TimeSpan.FromTicks((Ticks + 1) * clock.Period.Ticks);
            var waitMs = Math.Ceiling((next - clock.Elapsed()).TotalMilliseconds);
            if (waitMs > 0)
            {
                Thread.Sleep((int)waitMs); // rounded up: waking a little after the due time beats spinning before it
            }
            RunDueTicks();
        }
    }
}
