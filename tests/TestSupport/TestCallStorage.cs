using Azure.Data.Tables;
using Azure.Storage.Blobs;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.TestSupport;

/// <summary>
/// A call store and an event dedupe store on tables and a blob container of their own in the real
/// Azurite (unique names per test, so tests run in parallel), removed on dispose.
/// </summary>
public sealed class TestCallStorage : IAsyncDisposable
{
    private TestCallStorage(CallStore store, EventDedupeStore dedupe, TableClient table, TableClient dedupeTable, BlobContainerClient blobs, CallStoreOptions options)
    {
        Store = store;
        Dedupe = dedupe;
        Table = table;
        DedupeTable = dedupeTable;
        Blobs = blobs;
        Options = options;
    }

    public CallStore Store { get; }
    public EventDedupeStore Dedupe { get; }
    public TableClient Table { get; }
    public TableClient DedupeTable { get; }
    public BlobContainerClient Blobs { get; }
    public CallStoreOptions Options { get; }

    public static TestCallStorage Create(Action<CallStoreOptions>? configure = null, TimeProvider? time = null)
    {
        var connection = Azurite.RequireRunning();
        var suffix = Guid.NewGuid().ToString("N")[..16];
        var options = new CallStoreOptions
        {
            ConnectionString = connection,
            TableName = "calls" + suffix,
            BlobContainerName = "transcripts-" + suffix,
        };
        configure?.Invoke(options);
        var table = new TableClient(connection, options.TableName);
        var dedupeTable = new TableClient(connection, "dedupe" + suffix);
        var blobs = new BlobContainerClient(connection, options.BlobContainerName);
        return new TestCallStorage(
            new CallStore(table, blobs, options),
            new EventDedupeStore(dedupeTable, time ?? TimeProvider.System),
            table, dedupeTable, blobs, options);
    }

    public async ValueTask DisposeAsync()
    {
        await Table.DeleteAsync();
        await DedupeTable.DeleteAsync();
        await Blobs.DeleteIfExistsAsync();
    }
}
