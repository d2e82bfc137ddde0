using Azure;
using Azure.Storage.Blobs;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// Keeps a text in a table property when it is short, or in a blob when it is long (a table property
/// holds at most 64 KiB). Blob names are derived from the call and the field, so writing the same
/// text twice (a retried activity) overwrites one blob instead of leaving a second.
/// </summary>
public sealed class LargeTextStore
{
    private readonly BlobContainerClient _container;
    private readonly int _maxInlineChars;
    private int _containerReady;

    public LargeTextStore(BlobContainerClient container, int maxInlineChars)
    {
        _container = container;
        _maxInlineChars = maxInlineChars;
    }

    /// <summary>Returns the text to keep inline, or null and the blob name it was written to.</summary>
    public async Task<(string? Inline, string? BlobName)> StoreAsync(string callId, string field, string? text, CancellationToken ct)
    {
        if (text is null || text.Length <= _maxInlineChars)
        {
            return (text, null);
        }
        await EnsureContainerAsync(ct).ConfigureAwait(false);
        var name = CallTableKeys.Escape(callId).Replace('%', '_') + "/" + field + ".txt";
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true, ct).ConfigureAwait(false);
        return (null, name);
    }

    /// <summary>Reads back a text stored by <see cref="StoreAsync"/>.</summary>
    public async Task<string?> LoadAsync(string? inline, string? blobName, CancellationToken ct)
    {
        if (blobName is null)
        {
            return inline;
        }
        try
        {
            var content = await _container.GetBlobClient(blobName).DownloadContentAsync(ct).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The entity names a blob that is gone (deleted by retention): say so rather than fail the read.
            return "[text removed: blob " + blobName + " not found]";
        }
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _containerReady) == 1)
        {
            return;
        }
        await _container.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        Volatile.Write(ref _containerReady, 1);
    }
}
