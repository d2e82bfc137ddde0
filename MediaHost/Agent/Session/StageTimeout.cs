using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// A provider stage's deadline on the injected clock, linked to the turn's token. When it fires the stage is
/// cancelled and <see cref="Translate"/> turns the cancellation into a <see cref="ProviderTimeoutException"/>,
/// whereas a barge-in (the turn's own token) stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class StageTimeout : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly ITimer _timer;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _turn;
    private readonly string _stage;
    private volatile bool _fired;

    public StageTimeout(TimeProvider time, TimeSpan timeout, string stage, CancellationToken turn)
    {
        _timeout = timeout;
        _turn = turn;
        _stage = stage;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(turn);
        _timer = time.CreateTimer(_ =>
        {
            _fired = true;
            _cts.Cancel();
        }, null, timeout, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>Starts the deadline over (progress was made).</summary>
    public void Restart() => _timer.Change(_timeout, Timeout.InfiniteTimeSpan);

    /// <summary>Stops the deadline while the loop itself waits (for example on a full playback queue).</summary>
    public void Pause() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>True when the cancellation came from this deadline and not from the turn.</summary>
    public bool Fired => _fired && !_turn.IsCancellationRequested;

    public ProviderTimeoutException Translate() => new(_stage, _timeout);

    /// <summary>Awaits one step of the provider; a cancellation by this deadline becomes its <see cref="ProviderTimeoutException"/>.</summary>
    public async ValueTask<T> GuardAsync<T>(ValueTask<T> step)
    {
        try
        {
            return await step.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Fired)
        {
            throw Translate();
        }
    }

    /// <inheritdoc cref="GuardAsync{T}(ValueTask{T})"/>
    public ValueTask<T> GuardAsync<T>(Task<T> step) => GuardAsync(new ValueTask<T>(step.WaitAsync(Token)));

    public void Dispose()
    {
        _timer.Dispose();
        _cts.Dispose();
    }
}
