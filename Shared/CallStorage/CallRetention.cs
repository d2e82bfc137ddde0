using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// Deletes calls older than a cutoff day from the call table, walking the day index (<c>d|{yyyyMMdd}|…</c> sorts by day, so
/// every day before the cutoff is one key range). For each indexed call: its long texts' blobs, then every row of its
/// partition (record, turns, timeline), then its index entry, in table batches. The index entry goes last, so a run cut
/// off half-way leaves the entry pointing at what is left, and the next run finishes it: running twice deletes nothing more.
/// A call still marked in progress is kept (reconciliation closes it; a later run deletes it).
/// </summary>
public sealed class CallRetention
{
    /// <summary>The most operations one table transaction takes.</summary>
    public const int MaxBatch = 100;

    private static readonly string[] BlobColumns = ["SummaryBlob", "CallerTextBlob", "AgentTextBlob"];
    private readonly TableClient _table;
    private readonly BlobContainerClient _blobs;

    public CallRetention(CallStoreOptions options)
        : this(new TableClient(options.ConnectionString, options.TableName), new BlobContainerClient(options.ConnectionString, options.BlobContainerName))
    {
    }

    public CallRetention(TableClient table, BlobContainerClient blobs)
    {
        _table = table;
        _blobs = blobs;
    }

    /// <summary>Deletes the calls of every day before <paramref name="cutoff"/>, <paramref name="batchSize"/> index entries at a time.</summary>
    public async Task<CallRowPurge> PurgeBeforeAsync(DateOnly cutoff, int batchSize = MaxBatch, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatch);
        await _table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        var (from, _) = CallTableKeys.DayPartitionRange;
        var to = CallTableKeys.DayPartition(cutoff, 0);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        var open = CallOutcome.InProgress.ToString();
        var (calls, rows, openKept) = (0, 0, 0);
        var batch = new List<TableEntity>(batchSize);
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: batchSize, select: ["PartitionKey", "RowKey", "CallId", "Outcome"], cancellationToken: ct)
            .AsPages().ConfigureAwait(false))
        {
            foreach (var entry in page.Values)
            {
                if (entry.GetString("Outcome") == open)
                {
                    openKept++;
                    continue;
                }
                rows += await DeleteCallAsync(entry.GetString("CallId"), ct).ConfigureAwait(false);
                calls++;
                batch.Add(entry);
            }
            rows += await DeleteAllAsync(batch, ct).ConfigureAwait(false);
            batch.Clear();
        }
        return new CallRowPurge(calls, rows, openKept);
    }

    /// <summary>The first day kept when calls are kept <paramref name="days"/> days: everything started on an earlier (UTC) day goes.</summary>
    public static DateOnly CutoffFor(DateTimeOffset now, int days) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-days);

    private async Task<int> DeleteCallAsync(string? callId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(callId))
        {
            return 0; // an index entry without its call id: only the entry itself can go
        }
        var partition = CallTableKeys.CallPartition(callId);
        var rows = new List<TableEntity>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            select: ["PartitionKey", "RowKey", .. BlobColumns], cancellationToken: ct).ConfigureAwait(false))
        {
            rows.Add(e);
        }
        foreach (var blob in rows.SelectMany(r => BlobColumns.Select(r.GetString)).OfType<string>())
        {
            await DeleteBlobAsync(blob, ct).ConfigureAwait(false);
        }
        return await DeleteAllAsync(rows, ct).ConfigureAwait(false);
    }

    private async Task DeleteBlobAsync(string name, CancellationToken ct)
    {
        try
        {
            await _blobs.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container is gone: nothing to delete.
        }
    }

    /// <summary>Deletes the rows, one transaction per partition and hundred; a row already gone (another run) is no failure.</summary>
    private async Task<int> DeleteAllAsync(IReadOnlyList<TableEntity> rows, CancellationToken ct)
    {
        var deleted = 0;
        foreach (var group in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in group.Chunk(MaxBatch))
            {
                try
                {
                    await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), ct).ConfigureAwait(false);
                    deleted += chunk.Length;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    deleted += await DeleteOneByOneAsync(chunk, ct).ConfigureAwait(false);
                }
            }
        }
        return deleted;
    }

    private async Task<int> DeleteOneByOneAsync(IEnumerable<TableEntity> rows, CancellationToken ct)
    {
        var deleted = 0;
        foreach (var row in rows)
        {
            var response = await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct).ConfigureAwait(false);
            deleted += response.Status == 404 ? 0 : 1;
        }
        return deleted;
    }
}
