namespace VoiceFunctions.Shared.Configuration;

/// <summary>
/// The app settings (environment variables) the Functions app needs from its deployment — the one list in code.
/// infra.bicep must provide every name in <see cref="All"/>, and every name in <see cref="Secrets"/> as a Key Vault
/// reference (a test compiles the template and checks both). The names are those the control plane's options
/// classes bind ("Section__Key" as an environment variable is "Section:Key" in configuration, see
/// <see cref="ToConfigurationKey"/>). Settings whose code default is right everywhere (table names, limits,
/// timeouts) are not listed: the deployment may set them but need not.
/// </summary>
public static class ControlPlaneSettings
{
    /// <summary>LiveKit server URL: the Twirp API base for room/SIP/dispatch calls.</summary>
    public const string LiveKitUrl = "LiveKit__Url";

    /// <summary>LiveKit API key: signs API tokens and names the key a webhook must be signed with.</summary>
    public const string LiveKitApiKey = "LiveKit__ApiKey";

    /// <summary>LiveKit API secret (secret): signs API tokens and verifies webhook signatures.</summary>
    public const string LiveKitApiSecret = "LiveKit__ApiSecret";

    /// <summary>Connection string of the call-history storage account (secret). Without it the call store would
    /// fall back to AzureWebJobsStorage, which in Azure is an identity-based connection with no string.</summary>
    public const string CallStoreConnectionString = "CallStore__ConnectionString";

    /// <summary>LiveKit SIP outbound trunk whose address is the MediaHost: the dispatch dials through it.
    /// Required (validated at start) in SIP dispatch mode.</summary>
    public const string AgentDispatchOutboundTrunkId = "AgentDispatch__OutboundTrunkId";

    /// <summary>The SIP user the dispatch dials at the MediaHost.</summary>
    public const string AgentDispatchMediaHostSipUser = "AgentDispatch__MediaHostSipUser";

    /// <summary>Key id of the MediaHost's signed call events.</summary>
    public const string AgentEventsKeyId = "AgentEvents__KeyId";

    /// <summary>Secret (32+ chars) with which the MediaHost signs its call events to AgentEvents (secret).</summary>
    public const string AgentEventsSecret = "AgentEvents__Secret";

    /// <summary>The MediaHost's health endpoint polled by the HealthCheck timer.</summary>
    public const string HealthMediaHostHealthUrl = "Health__MediaHostHealthUrl";

    /// <summary>URL the health check posts alerts to (secret: webhook URLs usually carry a token).</summary>
    public const string HealthAlertWebhookUrl = "Health__AlertWebhookUrl";

    /// <summary>The operators' key of the calls/health HTTP API (secret); without a key the API stays closed.</summary>
    public const string ApiKeyOps = "Api__Keys__ops";

    /// <summary>Where a caller goes when the agent never answers (sip:/sips:/tel: URI); empty = apologise and hang up.</summary>
    public const string CallsHumanTransferTo = "Calls__HumanTransferTo";

    /// <summary>NCRONTAB schedule of the HealthCheck timer (a %…% binding: the function does not load without it).</summary>
    public const string HealthCheckSchedule = "HealthCheckSchedule";

    /// <summary>NCRONTAB schedule of the Reconciliation timer.</summary>
    public const string ReconciliationSchedule = "ReconciliationSchedule";

    /// <summary>NCRONTAB schedule of the Purge timer (Durable history retention).</summary>
    public const string PurgeSchedule = "PurgeSchedule";

    /// <summary>Whether calls are recorded ("true"/"false"; LiveKit mode: egress to the recordings container).</summary>
    public const string RecordingEnabled = "Recording__Enabled";

    /// <summary>Blob endpoint of the account that holds the recordings (read links point at it).</summary>
    public const string RecordingBlobServiceUri = "Recording__BlobServiceUri";

    /// <summary>The recordings' storage account name.</summary>
    public const string RecordingAccountName = "Recording__AccountName";

    /// <summary>The private container recordings are written to.</summary>
    public const string RecordingContainerName = "Recording__ContainerName";

    /// <summary>The recordings account's key (secret): LiveKit's egress uploads with it; links are signed with it.</summary>
    public const string RecordingAccountKey = "Recording__AccountKey";

    /// <summary>Every setting the deployment must provide.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LiveKitUrl,
        LiveKitApiKey,
        LiveKitApiSecret,
        CallStoreConnectionString,
        AgentDispatchOutboundTrunkId,
        AgentDispatchMediaHostSipUser,
        AgentEventsKeyId,
        AgentEventsSecret,
        HealthMediaHostHealthUrl,
        HealthAlertWebhookUrl,
        ApiKeyOps,
        CallsHumanTransferTo,
        HealthCheckSchedule,
        ReconciliationSchedule,
        PurgeSchedule,
        RecordingEnabled,
        RecordingBlobServiceUri,
        RecordingAccountName,
        RecordingContainerName,
        RecordingAccountKey,
    ];

    /// <summary>The settings whose values are secrets: deployed only as Key Vault references, never inline.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        LiveKitApiSecret,
        CallStoreConnectionString,
        AgentEventsSecret,
        HealthAlertWebhookUrl,
        ApiKeyOps,
        RecordingAccountKey,
    ];

    /// <summary>"LiveKit__Url" → "LiveKit:Url": the key under which IConfiguration exposes an environment variable.</summary>
    public static string ToConfigurationKey(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);
}
