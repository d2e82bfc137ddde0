namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// One attempt's output stream, opened only once its first item arrived within the first-result deadline (a long
/// answer is not cut after that). The deadline is raced against the provider's first item rather than cancelling
/// it: an item that arrived in time is taken even when our process comes for it late, and an expiry seen well after
/// it was due is our lateness, not the vendor's (<see cref="VendorFault"/>). Owns the attempt's cancellation source.
/// </summary>
internal sealed class AttemptStream<T> : IAsyncDisposable
{
    private readonly IAsyncEnumerator<T> _items;
    private readonly CancellationTokenSource _linked;

    private AttemptStream(IAsyncEnumerator<T> items, CancellationTokenSource linked, bool hasFirst)
    {
        _items = items;
        _linked = linked;
        HasCurrent = hasFirst;
    }

    /// <summary>False when the provider answered with an empty stream.</summary>
    public bool HasCurrent { get; private set; }

    public T Current => _items.Current;

    /// <param name="deadline">The first-result deadline; <see cref="Timeout.InfiniteTimeSpan"/> for the last provider
    /// of a chain, which the caller's own (stage) deadline bounds.</param>
    public static async Task<AttemptStream<T>> OpenAsync(Func<CancellationToken, IAsyncEnumerable<T>> open, string provider, TimeSpan deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        IAsyncEnumerator<T>? items = null;
        try
        {
            var started = time.GetTimestamp();
            items = open(linked.Token).GetAsyncEnumerator(linked.Token);
            var first = items.MoveNextAsync();
            var hasFirst = first.IsCompleted || deadline == Timeout.InfiniteTimeSpan
                ? await first.ConfigureAwait(false)
                : await FirstBeforeDeadlineAsync(first.AsTask(), provider, deadline, started, time, linked).ConfigureAwait(false);
            return new AttemptStream<T>(items, linked, hasFirst);
        }
        catch
        {
            await DisposeAllAsync(items, linked).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<bool> FirstBeforeDeadlineAsync(Task<bool> first, string provider, TimeSpan deadline, long started, TimeProvider time, CancellationTokenSource linked)
    {
        using (var stopTimer = new CancellationTokenSource())
        {
            var expiry = Task.Delay(deadline, time, stopTimer.Token);
            await Task.WhenAny(first, expiry).ConfigureAwait(false);
            await stopTimer.CancelAsync().ConfigureAwait(false);
        }
        return await VendorFault.AnswerOrTimeoutAsync(first, started, deadline, provider, time, linked).ConfigureAwait(false);
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

    public ValueTask DisposeAsync() => DisposeAllAsync(_items, _linked);

    private static async ValueTask DisposeAllAsync(IAsyncEnumerator<T>? items, CancellationTokenSource linked)
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
        }
    }
}
