using VoiceFunctions.Shared.Telephony.Deployment;

namespace VoiceFunctions.Shared.Tests.Telephony;

/// <summary>Loads deployment YAML in tests with a controlled environment.</summary>
internal static class DeploymentFixtures
{
    public static readonly Dictionary<string, string> Credentials = new()
    {
        ["LIVEKIT_API_KEY"] = "APItestkey",
        ["LIVEKIT_API_SECRET"] = "test-secret-made-for-this-run-only",
        ["SIP_USER"] = "user",
        ["SIP_PASSWORD"] = "password",
    };

    public static DeploymentDocument Load(string yaml, IReadOnlyDictionary<string, string>? environment = null)
    {
        var env = environment ?? Credentials;
        return DeploymentFileLoader.Load(yaml, "voice.yaml", name => env.TryGetValue(name, out var v) ? v : null);
    }

    /// <summary>A minimal valid file; tests append or replace sections.</summary>
    public const string Header = """
        version: 1
        livekit:
          url: wss://lk.example.com
          api_key: ${LIVEKIT_API_KEY}
          api_secret: ${LIVEKIT_API_SECRET}
        webhook:
          url: https://fn.example.com/api/livekit/webhook

        """;

    public static string Codes(DeploymentDocument document) =>
        string.Join(" ", document.Diagnostics.Select(d => $"{d.Position}:{d.Code}"));
}
