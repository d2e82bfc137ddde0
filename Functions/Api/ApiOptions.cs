namespace VoiceFunctions.Functions.Api;

/// <summary>
/// Configuration section "Api": who may read the HTTP API (health and call history). Each key is a
/// name and a secret; a caller presents either the secret itself (header x-functions-key, or ?code=)
/// or a bearer JWT signed with it (HS256, iss = the key's name, e.g. minted by voicectl).
/// No key configured = the API refuses everyone.
/// </summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public override string ToString() => $"ApiOptions {{ Keys = [{string.Join(", ", Keys.Keys)}] (secrets redacted) }}";
}
