namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The 20 ms media clock. Ticks are scheduled against an absolute timeline (tick n is due at start + (n + 1) ×
/// 20 ms on the injected <see cref="TimeProvider"/>): each wake-up runs every tick that is due, so a late or early
/// timer never adds drift, it only shifts when a tick's work happens. One clock drives many calls; each target keeps
/// its own per-call RTP timeline, advanced exactly one frame per tick. The calls are shared out over
/// <c>threads</c> shards (one per core in the service), each ticked by a thread of its own on the system clock —
/// never the thread pool, so whatever else the process does (blocking provider calls, a burst of work items) cannot
/// hold back the audio, and a few hundred calls' frame work spreads over every core. Within a shard the calls are
/// spread over <c>phases</c> groups ticked at evenly spaced offsets of the period (the service uses 4: every 5 ms a
/// quarter of the calls), so no single wake-up has to handle every call before the last one's packet is late.
/// </summary>
public sealed class MediaClock : IAsyncDisposable
{
    /// <summary>
    /// Ticks more than this far behind (1 s) are skipped rather than run in a burst (the host was suspended).
    /// Up to it, a stalled host catches up every frame, so a stall costs delay but no audio.
    /// </summary>
    public const int MaxCatchUpTicks = 50;

    /// <summary>A frame handled more than this after its due time is counted late (half a frame, in ms).</summary>
    public const int LateThresholdMs = 10;

    private readonly TimeProvider _time;
    private readonly MediaClockShard[] _shards;
    private readonly object _assignLock = new();
    private readonly CancellationTokenSource _stop = new();
    private long _startTimestamp;
    private Task? _loop;
    private Thread[] _threads = [];

    /// <param name="threads">Shards, each with its own thread on the system clock (default 1; the service uses one per core).</param>
    /// <param name="phases">
    /// Groups per shard ticked at evenly spaced offsets of the period (default 1: every call at the period's end;
    /// the service uses <see cref="RtpOptions.DefaultClockPhases"/>). A call stays in its group, so its own frames
    /// are still exactly one period apart.
    /// </param>
    public MediaClock(TimeProvider time, int frameMilliseconds = 20, int threads = 1, int phases = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(phases, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(phases, frameMilliseconds);
        _time = time;
        Period = TimeSpan.FromMilliseconds(frameMilliseconds);
        Phases = phases;
        _startTimestamp = time.GetTimestamp();
        _shards = Enumerable.Range(0, threads).Select(_ => new MediaClockShard(this, phases)).ToArray();
    }

    internal TimeSpan Period { get; }

    /// <summary>Phase groups per shard (see the constructor).</summary>
    public int Phases { get; }

    /// <summary>
    /// Ticks run so far, summed over the clock's threads (each runs every tick for its share of the calls; with one
    /// thread this is the number of 20 ms frames since the start).
    /// </summary>
    public long Ticks => _shards.Sum(s => s.Ticks);

    /// <summary>
    /// Whole ticks (summed over threads, like <see cref="Ticks"/>) in which some phase group's work started more than
    /// <see cref="LateThresholdMs"/> after its due time.
    /// </summary>
    public long LateTicks => _shards.Sum(s => s.LateTicks);

    /// <summary>How late each tick's work (of one phase group) started after its due time (ms).</summary>
    public LatenessHistogram Lateness { get; } = new();

    /// <summary>
    /// How late each call's frame was handled after its due time (ms): the tick's lateness plus the time the calls
    /// before it in the same tick took. This is when the call's outgoing packet leaves.
    /// </summary>
    public LatenessHistogram FrameLateness { get; } = new();

    /// <summary>Call frames handled more than <see cref="LateThresholdMs"/> after their due time.</summary>
    public long LateFrames => _shards.Sum(s => s.LateFrames);

    /// <summary>How far the slowest shard is behind its timeline now (ms; 0 when every due tick has run).</summary>
    public double LagMilliseconds => _shards.Max(s => s.LagMilliseconds);

    /// <summary>Ticks (summed over threads) skipped because the host fell more than <see cref="MaxCatchUpTicks"/> behind.</summary>
    public long SkippedTicks => _shards.Sum(s => s.SkippedTicks);

    /// <summary>Target ticks that threw (a bug; counted so it shows in metrics).</summary>
    public long FailedTicks => _shards.Sum(s => s.FailedTicks);

    public int TargetCount => _shards.Sum(s => s.TargetCount);

    /// <summary>Adds a call to the shard with the fewest.</summary>
    public void Add(IMediaClockTarget target)
    {
        lock (_assignLock)
        {
            _shards.MinBy(s => s.TargetCount)!.Add(target);
        }
    }

    public void Remove(IMediaClockTarget target)
    {
        lock (_assignLock)
        {
            foreach (var shard in _shards)
            {
                if (shard.Remove(target))
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Starts ticking (production): on the system clock each shard's thread sleeps until its next tick is due; on any
    /// other time provider (tests) a timer loop on that provider. Tests may also call <see cref="RunDueTicks"/> directly.
    /// </summary>
    public void Start()
    {
        _startTimestamp = _time.GetTimestamp();
        foreach (var shard in _shards)
        {
            shard.Reset();
        }
        if (ReferenceEquals(_time, TimeProvider.System))
        {
            _threads = _shards.Select((shard, i) => new Thread(() => shard.RunOnOwnThread(_stop.Token))
            {
                IsBackground = true,
                Name = $"media-clock-{i}",
                Priority = ThreadPriority.AboveNormal,
            }).ToArray();
            foreach (var thread in _threads)
            {
                thread.Start();
            }
            return;
        }
        var timer = new PeriodicTimer(Period / Phases, _time); // created here, so its first period starts now; one wake-up per phase
        _loop = Task.Run(() => RunAsync(timer));
    }

    /// <summary>Runs every tick due by now on every shard; returns how many whole ticks ran (per shard).</summary>
    public int RunDueTicks()
    {
        var ran = 0;
        foreach (var shard in _shards)
        {
            ran = Math.Max(ran, shard.RunDueTicks());
        }
        return ran;
    }

    internal TimeSpan Elapsed() => _time.GetElapsedTime(_startTimestamp);

    /// <summary>A point of the timeline (time since start) in ms on the time provider's clock, as targets see it.</summary>
    internal long TimelineMilliseconds(TimeSpan sinceStart) =>
        (long)Math.Round((_time.GetElapsedTime(0, _startTimestamp) + sinceStart).TotalMilliseconds);

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
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        _stop.Dispose();
    }
}
