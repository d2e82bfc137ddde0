using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// User-delegation keys from the Blob service, requested as the function app's managed identity (system-assigned, or the
/// user-assigned one named by Recording:ManagedIdentityClientId; it needs "Storage Blob Delegator" and data rights on the
/// container). A key is reused while it stays valid long enough: one request to the service per
/// <see cref="KeyLifetime"/>, not per link.
/// </summary>
public sealed class ManagedIdentityDelegationKeySource(IOptions<CallRecordingOptions> options, TimeProvider time) : IUserDelegationKeySource
{
    /// <summary>How long each requested key is valid (the service allows up to 7 days).</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(12);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<UserDelegationKey> GetAsync(DateTimeOffset validUntil, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_key is { } key && key.SignedExpiresOn >= validUntil)
            {
                return key;
            }
            var o = options.Value;
            TokenCredential credential = string.IsNullOrEmpty(o.ManagedIdentityClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId));
            var service = new BlobServiceClient(new Uri(o.BlobServiceUri), credential);
            var now = time.GetUtcNow();
            var expiresOn = validUntil > now + KeyLifetime ? validUntil : now + KeyLifetime;
            _key = (await service.GetUserDelegationKeyAsync(now.AddMinutes(-5), expiresOn, ct).ConfigureAwait(false)).Value;
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
