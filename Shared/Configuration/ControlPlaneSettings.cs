namespace VoiceFunctions.Shared.Configuration;

/// <summary>
/// The app settings (environment variables) the Functions app reads — the one list in code. infra.bicep must
/// provide every name in <see cref="All"/>, and every name in <see cref="Secrets"/> as a Key Vault reference
/// (a test compiles the template and checks both). Read a setting through these constants, never a literal,
/// so a new setting cannot be forgotten in the deployment. Names use the environment-variable form
/// ("Section__Key"); <see cref="ToConfigurationKey"/> gives the IConfiguration form ("Section:Key").
/// </summary>
public static class ControlPlaneSettings
{
    /// <summary>LiveKit server URL (https://… or wss://…): the Twirp API base for room/SIP/dispatch calls.</summary>
    public const string LiveKitUrl = "LiveKit__Url";

    /// <summary>LiveKit API key: signs API tokens and names the key a webhook must be signed with.</summary>
    public const string LiveKitApiKey = "LiveKit__ApiKey";

    /// <summary>LiveKit API secret (secret; Key Vault): signs API tokens and verifies webhook signatures.</summary>
    public const string LiveKitApiSecret = "LiveKit__ApiSecret";

    /// <summary>Connection string of the call-history Storage account (secret; Key Vault): call records,
    /// webhook dedupe and health snapshots live in its tables, apart from the Durable task hub.</summary>
    public const string CallHistoryStorage = "CallHistoryStorage";

    /// <summary>URL the health check posts alerts to (secret; Key Vault: webhook URLs usually carry a token).</summary>
    public const string AlertWebhookUrl = "AlertWebhookUrl";

    /// <summary>The MediaHost's health endpoint (http://host:port/health) polled by the HealthCheck timer.</summary>
    public const string MediaHostHealthUrl = "MediaHost__HealthUrl";

    /// <summary>LiveKit SIP outbound trunk whose address is the MediaHost: CreateSIPParticipant dials through it.</summary>
    public const string DispatchOutboundTrunkId = "Dispatch__OutboundTrunkId";

    /// <summary>The SIP user part the dispatch dials at the MediaHost (sip_call_to of CreateSIPParticipant).</summary>
    public const string DispatchSipCallTo = "Dispatch__SipCallTo";

    /// <summary>Shared secret (secret; Key Vault) with which the MediaHost signs its call events to AgentEvents.</summary>
    public const string AgentEventsSigningKey = "AgentEvents__SigningKey";

    /// <summary>Every setting the Functions app reads; the deployment template must provide each one.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LiveKitUrl,
        LiveKitApiKey,
        LiveKitApiSecret,
        CallHistoryStorage,
        AlertWebhookUrl,
        MediaHostHealthUrl,
        DispatchOutboundTrunkId,
        DispatchSipCallTo,
        AgentEventsSigningKey,
    ];

    /// <summary>The settings whose values are secrets: deployed only as Key Vault references, never inline.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        LiveKitApiSecret,
        CallHistoryStorage,
        AlertWebhookUrl,
        AgentEventsSigningKey,
    ];

    /// <summary>"LiveKit__Url" → "LiveKit:Url": the key under which IConfiguration exposes an environment variable.</summary>
    public static string ToConfigurationKey(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);
}
