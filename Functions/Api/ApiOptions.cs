namespace VoiceFunctions.Functions.Api;

/// <summary>
/// Configuration section "Api": who may read the HTTP API (health and call history). Each key is a
/// name and a secret; a caller presents either the secret itself (header x-functions-key, or ?code=)
/// or a bearer JWT signed with it (HS256, iss = the key's name, e.g. minted by voicectl). Behind App Service
/// Authentication, a user signed in with Entra ID may be let in too (<see cref="TrustAppServicePrincipal"/>).
/// Neither configured = the API refuses everyone.
/// </summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Let in a user signed in with Entra ID by App Service Authentication (the X-MS-CLIENT-PRINCIPAL header), as well
    /// as the keys. Only for an app behind App Service Authentication, which strips that header from what clients
    /// send; anywhere else a client could write it. Default false (the header is ignored).
    /// </summary>
    public bool TrustAppServicePrincipal { get; set; }

    /// <summary>
    /// The Entra ID app role a signed-in user must hold (the app registration's role, e.g. "Console.Read"); empty = any
    /// user the app registration lets sign in. Read only with <see cref="TrustAppServicePrincipal"/>. Default empty.
    /// </summary>
    public string? RequiredAppRole { get; set; }

    public override string ToString() =>
        $"ApiOptions {{ Keys = [{string.Join(", ", Keys.Keys)}] (secrets redacted), TrustAppServicePrincipal = {TrustAppServicePrincipal}, RequiredAppRole = {RequiredAppRole} }}";
}
