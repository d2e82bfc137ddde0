using Azure.Storage.Sas;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// Makes the short-lived links to a recording blob: a read-only link for GET /api/calls/{id}/recording (valid for
/// <see cref="CallRecordingOptions.LinkLifetime"/>) and, in direct mode, the MediaHost's create+write link for its
/// upload (<see cref="CallRecordingOptions.UploadLinkLifetime"/>). Signed by <see cref="RecordingSasSigner"/>; a link
/// carries a signature, never the key. Only blobs in the configured container are signed.
/// </summary>
public sealed class RecordingLinkIssuer(IOptions<CallRecordingOptions> options, RecordingSasSigner signer, TimeProvider time)
{
    /// <summary>The read link and when it expires, or null when <paramref name="location"/> is not a recording blob of ours.</summary>
    public async Task<(Uri Link, DateTimeOffset ExpiresAt)?> IssueAsync(string location, CancellationToken ct)
    {
        var o = options.Value;
        if (RecordingBlobs.BlobNameOf(o, location) is not { } blobName)
        {
            return null;
        }
        var expiresAt = time.GetUtcNow() + o.LinkLifetime;
        return (await signer.SignAsync(blobName, BlobSasPermissions.Read, expiresAt, ct).ConfigureAwait(false), expiresAt);
    }

    /// <summary>The write-only link for the call's WAV blob (create and write; no read, list or delete), its location and expiry.</summary>
    public async Task<(Uri Link, string Location, DateTimeOffset ExpiresAt)> IssueUploadAsync(string callId, CancellationToken ct)
    {
        var o = options.Value;
        var blobName = RecordingBlobs.WavBlobName(callId);
        var expiresAt = time.GetUtcNow() + o.UploadLinkLifetime;
        var link = await signer.SignAsync(blobName, BlobSasPermissions.Create | BlobSasPermissions.Write, expiresAt, ct).ConfigureAwait(false);
        return (link, RecordingBlobs.Url(o, blobName).ToString(), expiresAt);
    }
}
