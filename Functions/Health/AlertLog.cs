using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Health;

/// <summary>
/// The last alerts the health checker sent, in the health table's "alerts" partition (row = inverted ticks, so
/// the partition reads newest first). Retention is by count: after each alert only the newest
/// <see cref="HealthOptions.AlertsKept"/> rows stay. Alerts are rare (one per outage and its end), so trimming on
/// write costs one small query each.
/// </summary>
public sealed class AlertLog(TableClient table, IOptions<HealthOptions> options)
{
    private const string Partition = "alerts";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private int _ready;

    public async Task AddAsync(AlertRecord alert, CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        // The random tail keeps two alerts of the same tick apart; the ticks alone order the rows.
        var row = (DateTimeOffset.MaxValue.UtcTicks - alert.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        await table.AddEntityAsync(new TableEntity(Partition, row) { ["Alert"] = JsonSerializer.Serialize(alert, Json) }, ct).ConfigureAwait(false);
        await TrimAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The newest <paramref name="count"/> alerts, newest first.</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListAsync(int count, CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        var alerts = new List<AlertRecord>(count);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, maxPerPage: count, cancellationToken: ct).ConfigureAwait(false))
        {
            alerts.Add(JsonSerializer.Deserialize<AlertRecord>(entity.GetString("Alert"), Json)!);
            if (alerts.Count == count)
            {
                break;
            }
        }
        return alerts;
    }

    private async Task TrimAsync(CancellationToken ct)
    {
        var kept = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (++kept > options.Value.AlertsKept)
            {
                try
                {
                    await table.DeleteEntityAsync(Partition, entity.RowKey, cancellationToken: ct).ConfigureAwait(false);
                }
                catch (Azure.RequestFailedException e) when (e.Status == 404)
                {
                    // An overlapping check trimmed it first.
                }
            }
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
