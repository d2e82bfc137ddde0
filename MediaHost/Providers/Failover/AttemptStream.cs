namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// One attempt's output stream, opened only once its first item arrived within the first-result deadline (the
/// deadline's timer is stopped then: a long answer is not cut). Owns the attempt's cancellation sources.
/// </summary>
internal sealed class AttemptStream<T> : IAsyncDisposable
{
    private readonly IAsyncEnumerator<T> _items;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;

    private AttemptStream(IAsyncEnumerator<T> items, CancellationTokenSource deadline, CancellationTokenSource linked, bool hasFirst)
    {
        _items = items;
        _deadline = deadline;
        _linked = linked;
        HasCurrent = hasFirst;
    }

    /// <summary>False when the provider answered with an empty stream.</summary>
    public bool HasCurrent { get; private set; }

    public T Current => _items.Current;

    public static async Task<AttemptStream<T>> OpenAsync(Func<CancellationToken, IAsyncEnumerable<T>> open, string provider, TimeSpan deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadlineSource = new CancellationTokenSource(deadline, time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource.Token);
        IAsyncEnumerator<T>? items = null;
        try
        {
            items = open(linked.Token).GetAsyncEnumerator(linked.Token);
            var hasFirst = await items.MoveNextAsync().ConfigureAwait(false);
#pragma warning disable RS0030 // the source runs on the injected TimeProvider
            deadlineSource.CancelAfter(Timeout.InfiniteTimeSpan);
#pragma warning restore RS0030
            return new AttemptStream<T>(items, deadlineSource, linked, hasFirst);
        }
        catch (Exception e) when (deadlineSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested && e is not ProviderTimeoutException)
        {
            await DisposeAllAsync(items, deadlineSource, linked).ConfigureAwait(false);
            throw new ProviderTimeoutException(provider, deadline);
        }
        catch
        {
            await DisposeAllAsync(items, deadlineSource, linked).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<bool> MoveNextAsync() => HasCurrent = await _items.MoveNextAsync().ConfigureAwait(false);

    /// <summary>Moves on; a provider failure (not a cancellation by <paramref name="cancellationToken"/>) is returned, not thrown.</summary>
    public async ValueTask<ProviderException?> TryMoveNextAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MoveNextAsync().ConfigureAwait(false);
            return null;
        }
        catch (ProviderException e) when (!cancellationToken.IsCancellationRequested)
        {
            HasCurrent = false;
            return e;
        }
    }

    public ValueTask DisposeAsync() => DisposeAllAsync(_items, _deadline, _linked);

    private static async ValueTask DisposeAllAsync(IAsyncEnumerator<T>? items, CancellationTokenSource deadline, CancellationTokenSource linked)
    {
        try
        {
            if (items is not null)
            {
                await items.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            linked.Dispose();
            deadline.Dispose();
        }
    }
}
