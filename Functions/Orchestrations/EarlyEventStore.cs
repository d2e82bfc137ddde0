using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Keeps the events delivered to a call whose orchestration has not started running yet, until the orchestration
/// takes them (<see cref="TakeAsync"/>, its first step). Why: the Durable Azure Storage provider discards an event
/// raised into an instance whose start it has not processed ("No such instance"). That happens when its queue poller
/// takes the start message before the client wrote the instance row (the provider then defers the start by seconds),
/// and when two deliveries race to start the same call (one start is dropped with its input).
/// Keys are hashes of the call id and the event id: no caller number in a table key, and no key escaping.
/// </summary>
public sealed class EarlyEventStore(TableClient table)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private int _tableReady;

    public string TableName => table.Name;

    /// <summary>Keeps <paramref name="e"/> (which must carry its <see cref="CallEvent.SourceEventId"/>); keeping it again changes nothing.</summary>
    public async Task KeepAsync(string callId, CallEvent e, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(e.SourceEventId);
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(PartitionKey(callId), Hash(e.SourceEventId))
        {
            ["OccurredAt"] = e.OccurredAt,
            ["Event"] = JsonSerializer.Serialize(e, Json),
        }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The call's kept events in the order they occurred, removed from the table.</summary>
    public async Task<IReadOnlyList<CallEvent>> TakeAsync(string callId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(callId)}"), cancellationToken: ct).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        var events = rows.Select(r => JsonSerializer.Deserialize<CallEvent>(r.GetString("Event"), Json)!).OrderBy(e => e.OccurredAt).ToList();
        foreach (var row in rows)
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // A retried take already removed it.
            }
        }
        return events;
    }

    private async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _tableReady) == 1)
        {
            return;
        }
        await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _tableReady, 1);
    }

    private static string PartitionKey(string callId) => "call-" + Hash(callId);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
