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
        var events = await ReadAsync(callId, ct).ConfigureAwait(false);
        await RemoveAsync(callId, events, ct).ConfigureAwait(false);
        return events;
    }

    /// <summary>The call's kept events in the order they occurred (left in the table: see <see cref="RemoveAsync"/>).</summary>
    public async Task<IReadOnlyList<CallEvent>> ReadAsync(string callId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var events = new List<CallEvent>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(callId)}"), select: ["Event"], cancellationToken: ct).ConfigureAwait(false))
        {
            events.Add(JsonSerializer.Deserialize<CallEvent>(row.GetString("Event"), Json)!);
        }
        return [.. events.OrderBy(e => e.OccurredAt)];
    }

    /// <summary>
    /// Removes <paramref name="events"/> (read by <see cref="ReadAsync"/>) in one transaction per 100: they share the
    /// call's partition, so one request instead of one per event. An event already removed (a retried step) is no error.
    /// </summary>
    public async Task RemoveAsync(string callId, IReadOnlyList<CallEvent> events, CancellationToken ct)
    {
        var partition = PartitionKey(callId);
        foreach (var chunk in events.Select(e => Hash(e.SourceEventId!)).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row), ETag.All)), ct)
                    .ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // One of them was removed already (a retried step): remove the rest one by one.
                foreach (var row in chunk)
                {
                    await DeleteIfPresentAsync(partition, row, ct).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task DeleteIfPresentAsync(string partition, string row, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
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
