namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// One share of the calls a <see cref="MediaClock"/> drives, ticked by one thread on the clock's shared timeline.
/// The share is split into <see cref="MediaClock.Phases"/> groups whose ticks are spread evenly over the period
/// (with 4 phases of 20 ms: group p's tick n is due at start + (n + 1) × 20 ms + p × 5 ms), so a wake-up handles a
/// quarter of the calls and the last call of a busy tick waits a quarter as long — the same reason real phones,
/// each on its own clock, do not all send at the same instant. Each wake-up runs every step due, so a late wake-up
/// never adds drift; up to <see cref="MediaClock.MaxCatchUpTicks"/> ticks are caught up, older ones skipped.
/// </summary>
internal sealed class MediaClockShard
{
    private readonly MediaClock _clock;
    private readonly int _phases;
    private readonly object _targetsLock = new();
    private readonly IMediaClockTarget[][] _groups;
    private long _steps; // (tick, phase) steps run: tick = step / phases, phase = step % phases
    private bool _tickLate; // a phase group of the tick in progress started late

    public MediaClockShard(MediaClock clock, int phases)
    {
        _clock = clock;
        _phases = phases;
        _groups = Enumerable.Range(0, phases).Select(_ => Array.Empty<IMediaClockTarget>()).ToArray();
    }

    /// <summary>Whole ticks run (every phase of them).</summary>
    public long Ticks => _steps / _phases;

    public long LateTicks { get; private set; }

    public long LateFrames { get; private set; }

    public long SkippedTicks { get; private set; }

    public long FailedTicks { get; private set; }

    public int TargetCount
    {
        get
        {
            var count = 0;
            for (var p = 0; p < _phases; p++)
            {
                count += Volatile.Read(ref _groups[p]).Length;
            }
            return count;
        }
    }

    /// <summary>How long ago the oldest step not yet run was due (ms; 0 when none is due).</summary>
    public double LagMilliseconds => Math.Max(0, (_clock.Elapsed() - DueAt(Volatile.Read(ref _steps))).TotalMilliseconds);

    /// <summary>Restarts the timeline (the clock's start).</summary>
    public void Reset() => _steps = 0;

    /// <summary>Adds the target to the phase group with the fewest calls.</summary>
    public void Add(IMediaClockTarget target)
    {
        lock (_targetsLock)
        {
            var group = 0;
            for (var p = 1; p < _phases; p++)
            {
                if (_groups[p].Length < _groups[group].Length)
                {
                    group = p;
                }
            }
            Volatile.Write(ref _groups[group], [.. _groups[group], target]);
        }
    }

    public bool Remove(IMediaClockTarget target)
    {
        lock (_targetsLock)
        {
            for (var p = 0; p < _phases; p++)
            {
                var before = _groups[p];
                var after = before.Where(t => !ReferenceEquals(t, target)).ToArray();
                if (after.Length < before.Length)
                {
                    Volatile.Write(ref _groups[p], after);
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>Runs every step due by now; returns how many whole ticks' worth ran (ticks with one phase).</summary>
    public int RunDueTicks()
    {
        var elapsed = _clock.Elapsed();
        var due = StepsDueBy(elapsed);
        var maxCatchUpSteps = (long)MediaClock.MaxCatchUpTicks * _phases;
        if (due - _steps > maxCatchUpSteps)
        {
            SkippedTicks += (due - _steps - maxCatchUpSteps) / _phases;
            _steps = due - maxCatchUpSteps;
        }
        var ran = 0;
        while (_steps < due)
        {
            var step = _steps++;
            RunStep(step, elapsed);
            ran++;
        }
        return ran / _phases;
    }

    /// <summary>The loop of this shard's own thread (system time): sleep until the next step is due, run it.</summary>
    public void RunOnOwnThread(CancellationToken stop)
    {
        MediaThreadPriority.TryRaiseCurrentThread();
        while (!stop.IsCancellationRequested)
        {
            var waitMs = Math.Ceiling((DueAt(_steps) - _clock.Elapsed()).TotalMilliseconds);
            if (waitMs > 0)
            {
                Thread.Sleep((int)waitMs); // rounded up: waking a little after the due time beats spinning before it
            }
            RunDueTicks();
        }
    }

    // Step s is tick s / phases of phase group s % phases: due at (s / phases + 1) × period + (s % phases) × period / phases.
    private TimeSpan DueAt(long step) => TimeSpan.FromTicks((step + _phases) * _clock.Period.Ticks / _phases);

    private long StepsDueBy(TimeSpan elapsed)
    {
        // The last step with DueAt(step) <= elapsed, plus one; zero before the first tick is due.
        var steps = elapsed.Ticks * _phases / _clock.Period.Ticks - _phases + 1;
        return Math.Max(0, steps);
    }

    private void RunStep(long step, TimeSpan elapsed)
    {
        var dueAt = DueAt(step);
        var lateMs = (elapsed - dueAt).TotalMilliseconds;
        _clock.Lateness.Record(lateMs);
        // A tick is late once, however many of its phase groups were: LateTicks stays comparable with Ticks.
        _tickLate |= lateMs > MediaClock.LateThresholdMs;
        if (step % _phases == _phases - 1)
        {
            LateTicks += _tickLate ? 1 : 0;
            _tickLate = false;
        }
        // The step's own due time, not the wall time: steps caught up after a stall each see their place on the
        // timeline, so the jitter buffer plays what arrived meanwhile instead of taking it for excess delay.
        var nowMs = _clock.TimelineMilliseconds(dueAt);
        foreach (var target in Volatile.Read(ref _groups[step % _phases]))
        {
            var frameLateMs = (_clock.Elapsed() - dueAt).TotalMilliseconds;
            _clock.FrameLateness.Record(frameLateMs);
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
    }
}
