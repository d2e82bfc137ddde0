using Azure.Core;

namespace VoiceFunctions.Cli.Alerts;

/// <summary>A bearer token the operator already has (az account get-access-token): used as is, valid for the hour such tokens last.</summary>
public sealed class StaticTokenCredential(string token, TimeProvider time) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, time.GetUtcNow().AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
