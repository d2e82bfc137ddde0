using Azure;
using Azure.Data.Tables;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// Remembers which webhook and agent events were already acted on. LiveKit delivers at least once
/// (and an attacker may replay a captured request while its token is still valid), so each event id
/// is claimed with an insert-if-absent: the first claim wins, every later one is a duplicate.
/// Partitions are buckets of the id's hash, so claims spread over partitions. Entries older than the
/// retention are removed by <see cref="CleanupAsync"/>; the retention must outlive a token's validity.
/// </summary>
public sealed class EventDedupeStore
{
    public const int Buckets = 16;
    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private int _tableReady;

    public EventDedupeStore(TableClient table, TimeProvider time)
    {
        _table = table;
        _time = time;
    }

    public string TableName => _table.Name;

    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _tableReady) == 1)
        {
            return;
        }
        await _table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _tableReady, 1);
    }

    /// <summary>Claims <paramref name="eventId"/> of <paramref name="source"/>. True the first time, false for a duplicate.</summary>
    public async Task<bool> TryClaimAsync(string source, string eventId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var (pk, rk) = Keys(source, eventId);
        try
        {
            await _table.AddEntityAsync(new TableEntity(pk, rk) { ["ReceivedAt"] = _time.GetUtcNow() }, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Gives a claim back when acting on the event failed, so the sender's retry is processed instead
    /// of being dropped as a duplicate.
    /// </summary>
    public async Task ReleaseAsync(string source, string eventId, CancellationToken ct = default)
    {
        var (pk, rk) = Keys(source, eventId);
        try
        {
            await _table.DeleteEntityAsync(pk, rk, ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Deletes claims received more than <paramref name="retention"/> ago. Returns how many.</summary>
    public async Task<int> CleanupAsync(TimeSpan retention, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var cutoff = _time.GetUtcNow() - retention;
        var deleted = 0;
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            var pk = BucketKey(bucket);
            var batch = new List<TableTransactionAction>();
            await foreach (var e in _table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {pk} and ReceivedAt lt {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
            {
                batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
                if (batch.Count == 100)
                {
                    deleted += await SubmitAsync(batch, ct).ConfigureAwait(false);
                }
            }
            deleted += await SubmitAsync(batch, ct).ConfigureAwait(false);
        }
        return deleted;
    }

    private async Task<int> SubmitAsync(List<TableTransactionAction> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        var count = batch.Count;
        // One transaction per partition of at most 100 deletes (the Table batch limit).
        await _table.SubmitTransactionAsync(batch, ct).ConfigureAwait(false);
        batch.Clear();
        return count;
    }

    private static (string Pk, string Rk) Keys(string source, string eventId)
    {
        var rk = CallTableKeys.Escape(source + ":" + eventId);
        return (BucketKey(CallTableKeys.Bucket(rk, Buckets)), rk);
    }

    private static string BucketKey(int bucket) => "b" + bucket.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}
