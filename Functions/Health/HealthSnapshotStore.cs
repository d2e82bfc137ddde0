using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;

namespace VoiceFunctions.Functions.Health;

/// <summary>
/// Health snapshots in Table storage: one row per check (partition = day, row = inverted ticks, so a
/// day reads newest first), a "latest" row that GET /health reads, and the alert state row.
/// </summary>
public sealed class HealthSnapshotStore(TableClient table)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private const string Meta = "meta";
    private int _ready;

    public async Task SaveAsync(HealthReport report, CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(report, Json);
        var day = report.CheckedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var row = (DateTimeOffset.MaxValue.UtcTicks - report.CheckedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity("s|" + day, row) { ["Overall"] = report.Overall.ToString(), ["Report"] = json };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Meta, "latest") { ["Overall"] = report.Overall.ToString(), ["Report"] = json }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<HealthReport?> GetLatestAsync(CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(Meta, "latest", cancellationToken: ct).ConfigureAwait(false);
        return e.HasValue ? JsonSerializer.Deserialize<HealthReport>(e.Value!.GetString("Report"), Json) : null;
    }

    public async Task<(AlertState State, ETag ETag)> GetAlertStateAsync(CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(Meta, "alert", cancellationToken: ct).ConfigureAwait(false);
        return e.HasValue
            ? (JsonSerializer.Deserialize<AlertState>(e.Value!.GetString("State"), Json) ?? AlertState.Initial, e.Value.ETag)
            : (AlertState.Initial, default);
    }

    /// <summary>Saves the state if nobody else changed it since it was read (two overlapping checks alert once).</summary>
    public async Task<bool> TrySaveAlertStateAsync(AlertState state, ETag etag, CancellationToken ct)
    {
        var entity = new TableEntity(Meta, "alert") { ["State"] = JsonSerializer.Serialize(state, Json) };
        try
        {
            if (etag == default)
            {
                await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            }
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task EnsureAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _ready) == 1)
        {
            return;
        }
        await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _ready, 1);
    }
}
