using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Recording;

namespace VoiceFunctions.Functions.Tests.Recording;

/// <summary>The link issuer as the host builds it, for options with an account key (Azurite).</summary>
internal static class RecordingTestLinks
{
    public static RecordingLinkIssuer Issuer(CallRecordingOptions options, TimeProvider? time = null)
    {
        var o = Options.Create(options);
        var clock = time ?? TimeProvider.System;
        return new RecordingLinkIssuer(o, new RecordingSasSigner(o, new NoDelegationKeys(), clock), clock);
    }

    /// <summary>A delegation key source that must not be asked: the options carry an account key.</summary>
    private sealed class NoDelegationKeys : IUserDelegationKeySource
    {
        public Task<UserDelegationKey> GetAsync(DateTimeOffset validUntil, CancellationToken ct) =>
            throw new InvalidOperationException("an account key is configured: no delegation key may be requested");
    }
}
