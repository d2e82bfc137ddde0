using Azure.Data.Tables;
using Azure.Storage.Blobs;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Calls;

/// <summary>A call store on a table and blob container of its own in the real Azurite, removed afterwards.</summary>
internal sealed class CallStoreFixture : IAsyncDisposable
{
    private CallStoreFixture(CallStore store, TableClient table, BlobContainerClient blobs)
    {
        Store = store;
        Table = table;
        Blobs = blobs;
    }

    public CallStore Store { get; }
    public TableClient Table { get; }
    public BlobContainerClient Blobs { get; }

    public static CallStoreFixture Create(Action<CallStoreOptions>? configure = null)
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
        var blobs = new BlobContainerClient(connection, options.BlobContainerName);
        return new CallStoreFixture(new CallStore(table, blobs, options), table, blobs);
    }

    public async ValueTask DisposeAsync()
    {
        await Table.DeleteAsync();
        await Blobs.DeleteIfExistsAsync();
    }
}
