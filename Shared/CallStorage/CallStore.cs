using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// The call history in Azure Table storage (see <see cref="CallTableKeys"/> for the key design).
/// Every write is idempotent: creating an existing call, appending an existing turn, or applying an
/// update that changes nothing writes nothing, so an activity retried after a crash writes once.
/// Updates use ETags: a conflicting concurrent update is re-read and re-applied, never overwritten.
/// </summary>
public sealed partial class CallStore
{
    private readonly TableClient _table;
    private readonly LargeTextStore _texts;
    private readonly CallStoreOptions _options;
    private int _tableReady;
    private long _conflictRetries;

    public CallStore(CallStoreOptions options)
        : this(new TableClient(options.ConnectionString, options.TableName),
               new BlobContainerClient(options.ConnectionString, options.BlobContainerName), options)
    {
    }

    public CallStore(TableClient table, BlobContainerClient blobs, CallStoreOptions options)
    {
        _table = table;
        _options = options;
        _texts = new LargeTextStore(blobs, options.MaxInlineTextChars);
    }

    /// <summary>How many times an update was re-applied after an ETag conflict (a metric, and proof in tests).</summary>
    public long ConflictRetries => Interlocked.Read(ref _conflictRetries);

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

    /// <summary>A cheap round trip to Table storage (health checks): reads one key that does not exist.</summary>
    public async Task PingAsync(CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        await _table.GetEntityIfExistsAsync<TableEntity>("health", "ping", select: ["PartitionKey"], cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>Creates the record and its day-index row. Returns false when the call already existed.</summary>
    public async Task<bool> CreateAsync(CallRecord record, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var (inline, blob) = await _texts.StoreAsync(record.CallId, "summary", record.Summary, ct).ConfigureAwait(false);
        var created = await AddIfAbsentAsync(CallEntityMapper.ToRecordEntity(record, inline, blob), ct).ConfigureAwait(false);
        // Also on a retry: a crash between the two inserts must not leave a call missing from its day list.
        await AddIfAbsentAsync(CallEntityMapper.ToDayIndexEntity(record, _options.DayBuckets), ct).ConfigureAwait(false);
        return created;
    }

    public async Task<CallRecord?> GetAsync(string callId, CancellationToken ct = default)
    {
        var entity = await GetRecordEntityAsync(callId, ct).ConfigureAwait(false);
        return entity is null ? null : await ToRecordAsync(entity, ct).ConfigureAwait(false);
    }

    /// <summary>The record with its turns and its timeline (both planes, turns included), read with one partition query.</summary>
    public async Task<CallDetails?> GetDetailsAsync(string callId, CancellationToken ct = default)
    {
        var (record, turns, timeline) = await ReadCallPartitionAsync(callId, ct).ConfigureAwait(false);
        return record is null
            ? null
            : new CallDetails(await ToRecordAsync(record, ct).ConfigureAwait(false), turns) { Timeline = CallTimeline.Merge(timeline, turns) };
    }

    // Every row of the call's partition in one query: its record row (null when none), its turns and its timeline entries.
    private async Task<(TableEntity? Record, List<CallTurn> Turns, List<CallTimelineEntry> Timeline)> ReadCallPartitionAsync(string callId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        TableEntity? record = null;
        var turns = new List<CallTurn>();
        var timeline = new List<CallTimelineEntry>();
        var partition = CallTableKeys.CallPartition(callId);
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.RowKey == CallTableKeys.RecordRowKey)
            {
                record = e;
            }
            else if (e.RowKey.StartsWith(CallTableKeys.TurnRowKeyPrefix, StringComparison.Ordinal))
            {
                turns.Add(await ToTurnAsync(callId, e, ct).ConfigureAwait(false));
            }
            else if (e.RowKey.StartsWith(CallTableKeys.TimelineRowKeyPrefix, StringComparison.Ordinal))
            {
                timeline.Add(CallTimelineEntityMapper.FromEntity(e));
            }
        }
        return (record, turns, timeline);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored record with optimistic concurrency. The change
    /// returns the new record, or the same instance (or null) when there is nothing to change, in which
    /// case nothing is written. On an ETag conflict the record is re-read and the change re-applied.
    /// Returns the stored record after the update, or null when the call does not exist.
    /// </summary>
    public async Task<CallRecord?> UpdateAsync(string callId, Func<CallRecord, CallRecord?> change, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entity = await GetRecordEntityAsync(callId, ct).ConfigureAwait(false);
            if (entity is null)
            {
                return null;
            }
            var current = await ToRecordAsync(entity, ct).ConfigureAwait(false);
            var updated = change(current);
            if (updated is null || updated == current)
            {
                return current;
            }
            var (inline, blob) = await _texts.StoreAsync(callId, "summary", updated.Summary, ct).ConfigureAwait(false);
            try
            {
                await _table.UpdateEntityAsync(CallEntityMapper.ToRecordEntity(updated, inline, blob), entity.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < _options.MaxConflictRetries)
            {
                Interlocked.Increment(ref _conflictRetries);
                continue;
            }
            if (IndexChanged(current, updated))
            {
                // The index row is a projection of the record: the last writer carries the newest record, and
                // a merge-upsert of the same projection is idempotent.
                await _table.UpsertEntityAsync(CallEntityMapper.ToDayIndexEntity(updated, _options.DayBuckets), TableUpdateMode.Merge, ct).ConfigureAwait(false);
            }
            return updated;
        }
    }

    /// <summary>Stores a turn. Returns false when that turn number was already stored (a repeated report).</summary>
    public async Task<bool> AppendTurnAsync(CallTurn turn, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var caller = await _texts.StoreAsync(turn.CallId, $"turn{turn.Sequence:D6}-caller", turn.CallerText, ct).ConfigureAwait(false);
        var agent = await _texts.StoreAsync(turn.CallId, $"turn{turn.Sequence:D6}-agent", turn.AgentText, ct).ConfigureAwait(false);
        return await AddIfAbsentAsync(CallEntityMapper.ToTurnEntity(turn, caller, agent), ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CallTurn>> GetTurnsAsync(string callId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var partition = CallTableKeys.CallPartition(callId);
        var from = CallTableKeys.TurnRowKeyPrefix;
        var to = CallTableKeys.TurnRowKeyPrefix[..^1] + (char)(CallTableKeys.TurnRowKeyPrefix[^1] + 1);
        var turns = new List<CallTurn>();
        await foreach (var e in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: ct).ConfigureAwait(false))
        {
            turns.Add(await ToTurnAsync(callId, e, ct).ConfigureAwait(false));
        }
        return turns;
    }

    /// <summary>
    /// One page of a day's calls, newest first. Each bucket partition is read from just after the
    /// previous page's last row key and the results are merged, so a page costs one small query per
    /// bucket and pages never skip or repeat a call.
    /// </summary>
    public async Task<CallPage> ListDayAsync(DateOnly day, int pageSize, string? continuationToken = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var after = DecodeToken(continuationToken);
        var perBucket = await Task.WhenAll(Enumerable.Range(0, _options.DayBuckets).Select(async bucket =>
        {
            var partition = CallTableKeys.DayPartition(day, bucket);
            var rows = new List<TableEntity>();
            var query = after is null
                ? _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: pageSize + 1, cancellationToken: ct)
                : _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after}"), maxPerPage: pageSize + 1, cancellationToken: ct);
            await foreach (var e in query.ConfigureAwait(false))
            {
                rows.Add(e);
                if (rows.Count > pageSize)
                {
                    break;
                }
            }
            return rows;
        })).ConfigureAwait(false);

        var merged = perBucket.SelectMany(r => r).OrderBy(e => e.RowKey, StringComparer.Ordinal).ToList();
        var page = merged.Take(pageSize).ToList();
        var token = merged.Count > pageSize ? EncodeToken(page[^1].RowKey) : null;
        return new CallPage(page.Select(CallEntityMapper.FromDayIndexEntity).ToList(), token);
    }

    /// <summary>Calls of a day still marked in progress (for reconciliation).</summary>
    public async Task<IReadOnlyList<CallSummary>> ListOpenAsync(DateOnly day, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var open = CallOutcome.InProgress.ToString();
        var result = new List<CallSummary>();
        for (var bucket = 0; bucket < _options.DayBuckets; bucket++)
        {
            var partition = CallTableKeys.DayPartition(day, bucket);
            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Outcome eq {open}"), cancellationToken: ct).ConfigureAwait(false))
            {
                result.Add(CallEntityMapper.FromDayIndexEntity(e));
            }
        }
        return result;
    }

    /// <summary>
    /// Every call still in progress, whatever its day (the day index's partitions, <c>d|…</c>, filtered on the outcome):
    /// for reconciliation, which must find a call left open last week as surely as one left open today.
    /// </summary>
    public async Task<IReadOnlyList<CallSummary>> ListAllOpenAsync(CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var open = CallOutcome.InProgress.ToString();
        var (from, to) = CallTableKeys.DayPartitionRange;
        var result = new List<CallSummary>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and Outcome eq {open}"), cancellationToken: ct).ConfigureAwait(false))
        {
            result.Add(CallEntityMapper.FromDayIndexEntity(e));
        }
        return result;
    }

    private static bool IndexChanged(CallRecord a, CallRecord b) =>
        a.Outcome != b.Outcome || a.EndReason != b.EndReason || a.EndedAt != b.EndedAt || a.AnsweredAt != b.AnsweredAt || a.CallerNumber != b.CallerNumber || a.CalledNumber != b.CalledNumber || a.Direction != b.Direction;

    private async Task<bool> AddIfAbsentAsync(TableEntity entity, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(entity, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private async Task<TableEntity?> GetRecordEntityAsync(string callId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(CallTableKeys.CallPartition(callId), CallTableKeys.RecordRowKey, cancellationToken: ct).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task<CallRecord> ToRecordAsync(TableEntity e, CancellationToken ct)
    {
        var summary = await _texts.LoadAsync(e.GetString("Summary"), e.GetString("SummaryBlob"), ct).ConfigureAwait(false);
        return CallEntityMapper.FromRecordEntity(e, summary);
    }

    private async Task<CallTurn> ToTurnAsync(string callId, TableEntity e, CancellationToken ct)
    {
        var caller = await _texts.LoadAsync(e.GetString("CallerText"), e.GetString("CallerTextBlob"), ct).ConfigureAwait(false);
        var agent = await _texts.LoadAsync(e.GetString("AgentText"), e.GetString("AgentTextBlob"), ct).ConfigureAwait(false);
        return CallEntityMapper.FromTurnEntity(callId, e, caller, agent);
    }

    private static string EncodeToken(string rowKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            return Encoding.UTF8.GetString(Convert.FromBase64String(b64));
        }
        catch (FormatException)
        {
            throw new ArgumentException("The continuation token is not one this API returned.", nameof(token));
        }
    }
}
