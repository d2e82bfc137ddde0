using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Campaigns in Table storage: one partition per campaign, a "campaign" row and one row per number ("n" + its
/// index, zero-padded, so the rows list in the request's order), and for a campaign started with an idempotency key a "key"
/// row holding the request's fingerprint. The numbers' rows are what GET lists, page by page;
/// the attempts write their state into them.
/// </summary>
public sealed class CampaignStore(TableClient table)
{
    private const string MetaRow = "campaign";
    private const string KeyRow = "key";
    private const int Batch = 100;
    private int _tableReady;

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _tableReady) == 1)
        {
            return;
        }
        await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _tableReady, 1);
    }

    /// <summary>Writes the campaign's row and every number's (state Pending), in batches of 100.</summary>
    public async Task CreateAsync(string campaignId, CampaignPlan plan, DateTimeOffset createdAt, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        foreach (var chunk in plan.Entries.Chunk(Batch))
        {
            var actions = chunk.Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(campaignId, RowKey(w.Index))
            {
                ["To"] = w.To,
                ["TimeZone"] = w.TimeZone,
                ["Variables"] = JsonSerializer.Serialize(w.Variables),
                ["State"] = nameof(CampaignNumberState.Pending),
                ["Attempts"] = 0,
            }));
            await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
        }
        // The campaign's row last: a campaign is listed only once all its numbers are stored.
        await table.UpsertEntityAsync(new TableEntity(campaignId, MetaRow)
        {
            ["Name"] = plan.Name,
            ["CreatedAt"] = createdAt,
            ["Total"] = plan.Entries.Count,
        }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims an idempotency key's campaign id for a request with <paramref name="fingerprint"/> (insert-only, so of two
    /// racing requests one claims it). Returns null when this call claimed it, else the fingerprint that holds it.
    /// </summary>
    public async Task<string?> ClaimKeyAsync(string campaignId, string fingerprint, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(campaignId, KeyRow) { ["Fingerprint"] = fingerprint }, ct).ConfigureAwait(false);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var held = await table.GetEntityAsync<TableEntity>(campaignId, KeyRow, cancellationToken: ct).ConfigureAwait(false);
            return held.Value.GetString("Fingerprint") ?? "";
        }
    }

    /// <summary>One page of the campaigns (their "campaign" rows, in id order; a campaign still being stored is not listed).</summary>
    public async Task<(List<CampaignMeta> Campaigns, string? Next)> ListAsync(int pageSize, string? pageToken, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {MetaRow}");
        var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["PartitionKey", "Name", "CreatedAt", "Total"], cancellationToken: ct)
            .AsPages(pageToken, pageSize);
        await foreach (Page<TableEntity> page in pages.ConfigureAwait(false))
        {
            return (page.Values.Select(e => ToMeta(e.PartitionKey, e)).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    public async Task<CampaignMeta?> GetAsync(string campaignId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(campaignId, MetaRow, cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? ToMeta(campaignId, e) : null;
    }

    private static CampaignMeta ToMeta(string campaignId, TableEntity e) =>
        new(campaignId, e.GetString("Name"), e.GetDateTimeOffset("CreatedAt") ?? default, e.GetInt32("Total") ?? 0);

    /// <summary>Numbers <paramref name="from"/> … <paramref name="from"/> + <paramref name="count"/> - 1, as first attempts.</summary>
    public async Task<List<CampaignWork>> LoadWorkAsync(string campaignId, int from, int count, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {RowKey(from)} and RowKey lt {RowKey(from + count)}");
        var work = new List<CampaignWork>(count);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: count, select: ["RowKey", "To", "TimeZone", "Variables"], cancellationToken: ct).ConfigureAwait(false))
        {
            work.Add(new CampaignWork(IndexOf(e.RowKey), e.GetString("To") ?? "", e.GetString("TimeZone") ?? "UTC",
                JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Variables") ?? "{}") ?? [], 1, DateTime.MinValue));
        }
        return work;
    }

    public Task UpdateNumberAsync(CampaignNumberUpdate update, CancellationToken ct) =>
        table.UpsertEntityAsync(new TableEntity(update.CampaignId, RowKey(update.Index))
        {
            ["State"] = update.State.ToString(),
            ["Outcome"] = update.Outcome?.ToString(),
            ["Attempts"] = update.Attempts,
            ["LastCallId"] = update.LastCallId,
            ["LastAttemptAt"] = update.LastAttemptAt,
            ["NextAttemptAt"] = update.NextAttemptAt,
        }, TableUpdateMode.Merge, ct);

    /// <summary>Writes several numbers' states in table transactions of up to 100 (one campaign): the starts of a campaign's step.</summary>
    public async Task UpdateNumbersAsync(string campaignId, IReadOnlyList<CampaignNumberUpdate> updates, CancellationToken ct)
    {
        foreach (var chunk in updates.Chunk(Batch))
        {
            var actions = chunk.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(campaignId, RowKey(u.Index))
            {
                ["State"] = u.State.ToString(),
                ["Outcome"] = u.Outcome?.ToString(),
                ["Attempts"] = u.Attempts,
                ["LastCallId"] = u.LastCallId,
                ["LastAttemptAt"] = u.LastAttemptAt,
                ["NextAttemptAt"] = u.NextAttemptAt,
            }));
            await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the given numbers Cancelled (their other columns stay: attempts made, the last outcome).</summary>
    public async Task CancelAsync(string campaignId, IEnumerable<int> indexes, CancellationToken ct)
    {
        foreach (var chunk in indexes.Chunk(Batch))
        {
            var actions = chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(campaignId, RowKey(i))
            {
                ["State"] = nameof(CampaignNumberState.Cancelled),
            }));
            await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
        }
    }

    /// <summary>One page of the numbers, in the request's order.</summary>
    public async Task<(List<CampaignNumberResult> Numbers, string? Next)> ListNumbersAsync(string campaignId, int pageSize, string? pageToken, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {"n"} and RowKey lt {"o"}");
        var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize,
            select: ["RowKey", "To", "State", "Outcome", "Attempts", "LastCallId", "LastAttemptAt", "NextAttemptAt"], cancellationToken: ct).AsPages(pageToken, pageSize);
        await foreach (Page<TableEntity> page in pages.ConfigureAwait(false))
        {
            return (page.Values.Select(ToResult).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    private static CampaignNumberResult ToResult(TableEntity e)
    {
        var state = Enum.TryParse<CampaignNumberState>(e.GetString("State"), out var s) ? s : CampaignNumberState.Pending;
        // A merge cannot remove a column: the next attempt's time is only meaningful while the number waits for it.
        return new CampaignNumberResult(IndexOf(e.RowKey), e.GetString("To") ?? "", state,
            Enum.TryParse<DialOutcome>(e.GetString("Outcome"), out var outcome) ? outcome : null,
            e.GetInt32("Attempts") ?? 0, e.GetString("LastCallId"), e.GetDateTimeOffset("LastAttemptAt"),
            state == CampaignNumberState.WaitingToRetry ? e.GetDateTimeOffset("NextAttemptAt") : null);
    }

    private static string RowKey(int index) => "n" + index.ToString("D6", CultureInfo.InvariantCulture);

    private static int IndexOf(string rowKey) => int.Parse(rowKey.AsSpan(1), CultureInfo.InvariantCulture);
}
