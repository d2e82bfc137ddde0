using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Functions.Timers;

/// <summary>
/// Mints the MediaHost's LiveKit token and publishes it in a table entity with its expiry, so the
/// API secret never leaves the control plane. The grant is the narrowest the MediaHost needs to act
/// on its own calls: <c>sip.call</c> (place SIP calls, e.g. a consult leg). Room-scoped actions such
/// as a transfer also need <c>roomAdmin</c> for that one room, which LiveKit checks against the room
/// named in the token, so those stay with the control plane (TransferCaller activity).
/// </summary>
public sealed class MediaHostTokenPublisher(TableClient table, IOptions<LiveKitApiOptions> livekit, IOptions<TokenRefreshOptions> options, TimeProvider time)
{
    public const string PartitionKey = "mediahost";
    public const string RowKey = "current";
    public const string GrantsDescription = "sip.call";

    public async Task<PublishedToken> PublishAsync(CancellationToken ct)
    {
        var o = options.Value;
        var credentials = new LiveKitCredentials(livekit.Value.ApiKey, livekit.Value.ApiSecret);
        var issuedAt = time.GetUtcNow();
        var ttl = TimeSpan.FromMinutes(o.TokenTtlMinutes);
        var jwt = new AccessTokenBuilder(credentials, time)
            .WithIdentity(o.Identity)
            .WithTtl(ttl)
            .WithSipGrant(new SipGrant { Call = true })
            .ToJwt();
        var published = new PublishedToken(jwt, issuedAt, issuedAt + ttl, GrantsDescription);
        await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(PartitionKey, RowKey)
        {
            ["Token"] = published.Token,
            ["IssuedAt"] = published.IssuedAt,
            ["ExpiresAt"] = published.ExpiresAt,
            ["Grants"] = published.Grants,
        }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return published;
    }

    /// <summary>Reads the published token back (what the MediaHost does), or null when none was published.</summary>
    public static async Task<PublishedToken?> ReadAsync(TableClient table, CancellationToken ct)
    {
        var e = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: ct).ConfigureAwait(false);
        return e.HasValue
            ? new PublishedToken(e.Value!.GetString("Token"), e.Value.GetDateTimeOffset("IssuedAt")!.Value, e.Value.GetDateTimeOffset("ExpiresAt")!.Value, e.Value.GetString("Grants"))
            : null;
    }
}
