using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// Makes a short-lived, read-only link to a recording blob: a service SAS for that one blob, signed with
/// the account key, valid for <see cref="CallRecordingOptions.LinkLifetime"/>. The link carries a signature,
/// never the key. Only blobs in the configured container are signed.
/// </summary>
public sealed class RecordingLinkIssuer(IOptions<CallRecordingOptions> options, TimeProvider time)
{
    /// <summary>The link and when it expires, or null when <paramref name="location"/> is not a recording blob of ours.</summary>
    public (Uri Link, DateTimeOffset ExpiresAt)? Issue(string location)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.AccountKey) || RecordingBlobs.BlobNameOf(o, location) is not { } blobName)
        {
            return null;
        }
        var blob = new BlobClient(RecordingBlobs.Url(o, blobName), new StorageSharedKeyCredential(o.AccountName, o.AccountKey));
        var expiresAt = time.GetUtcNow() + o.LinkLifetime;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresAt)
        {
            BlobContainerName = o.ContainerName,
            BlobName = blobName,
            Resource = "b",
        };
        return (blob.GenerateSasUri(sas), expiresAt);
    }
}
