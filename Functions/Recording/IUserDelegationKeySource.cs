using Azure.Storage.Blobs.Models;

namespace VoiceFunctions.Functions.Recording;

/// <summary>Gets a user-delegation key valid at least until a given time (from the Blob service, as the managed identity).</summary>
public interface IUserDelegationKeySource
{
    Task<UserDelegationKey> GetAsync(DateTimeOffset validUntil, CancellationToken ct);
}
