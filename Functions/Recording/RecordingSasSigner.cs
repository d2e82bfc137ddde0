using Azure.Storage;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// Signs links to one recording blob: a service SAS with the account key when one is configured, else a
/// user-delegation SAS (the managed identity's delegation key). Either way the link names one blob, carries only the
/// permissions asked for (read for a player, create+write for the MediaHost's upload), starts a few minutes in the past
/// (clock skew) and expires at the time given. Never a key in the link.
/// </summary>
public sealed class RecordingSasSigner(IOptions<CallRecordingOptions> options, IUserDelegationKeySource delegationKeys, TimeProvider time)
{
    /// <summary>How far before now a link is valid from, so a storage clock a little behind ours accepts it.</summary>
    public static readonly TimeSpan SkewAllowance = TimeSpan.FromMinutes(5);

    public RecordingSigningMode Mode => ModeFor(options.Value);

    /// <summary>The choice (pure): the account key when there is one, else user delegation.</summary>
    public static RecordingSigningMode ModeFor(CallRecordingOptions o) =>
        string.IsNullOrEmpty(o.AccountKey) ? RecordingSigningMode.UserDelegation : RecordingSigningMode.AccountKey;

    /// <summary>The SAS's terms (pure): one blob ("b"), these permissions, from <paramref name="now"/> minus the skew allowance to <paramref name="expiresAt"/>, HTTPS unless the endpoint is plain HTTP (Azurite).</summary>
    public static BlobSasBuilder Terms(CallRecordingOptions o, string blobName, BlobSasPermissions permissions, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var sas = new BlobSasBuilder(permissions, expiresAt)
        {
            BlobContainerName = o.ContainerName,
            BlobName = blobName,
            Resource = "b",
            StartsOn = now - SkewAllowance,
            Protocol = o.BlobServiceUri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        return sas;
    }

    /// <summary>The blob's URL with a SAS for <paramref name="permissions"/> until <paramref name="expiresAt"/>.</summary>
    public async Task<Uri> SignAsync(string blobName, BlobSasPermissions permissions, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var o = options.Value;
        var terms = Terms(o, blobName, permissions, time.GetUtcNow(), expiresAt);
        var query = Mode == RecordingSigningMode.AccountKey
            ? terms.ToSasQueryParameters(new StorageSharedKeyCredential(o.AccountName, o.AccountKey))
            : terms.ToSasQueryParameters(await delegationKeys.GetAsync(expiresAt, ct).ConfigureAwait(false), o.AccountName);
        return new Uri(RecordingBlobs.Url(o, blobName) + "?" + query);
    }
}
