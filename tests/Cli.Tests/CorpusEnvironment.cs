namespace VoiceFunctions.Cli.Tests;

/// <summary>The environment the corpus files are checked in: credentials set (values made up here), other variables unset.</summary>
public static class CorpusEnvironment
{
    public static readonly IReadOnlyDictionary<string, string?> Variables = new Dictionary<string, string?>
    {
        ["LIVEKIT_API_KEY"] = "APIcorpus",
        ["LIVEKIT_API_SECRET"] = "corpus-secret-" + Guid.NewGuid().ToString("N"),
        ["PROVIDER_USER"] = "user",
        ["PROVIDER_PASSWORD"] = "pass",
        ["NOVOFON_SIP_USER"] = "user",
        ["NOVOFON_SIP_PASSWORD"] = "pass",
        ["MEDIAHOST_SIP_USER"] = "user",
        ["MEDIAHOST_SIP_PASSWORD"] = "pass",
        ["REDIS_PASSWORD"] = "pass",
        ["NO_COLOR"] = "1",
        // Referenced by corpus files and expected to be missing.
        ["LIVEKIT_URL"] = null,
        ["FUNCTION_HOST"] = null,
        ["MEDIAHOST_HOST"] = null,
        ["LANGUAGE"] = null,
        ["MAX_CALLS"] = null,
        ["WEBHOOK_URL"] = null,
    };

    public static string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;
}
