namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// Call recording in LiveKit mode (section "Recording"): an audio-only room-composite egress to Azure Blob
/// Storage, started when the agent answers and stopped when the call ends. Validated at start-up by
/// <see cref="CallRecordingOptionsValidator"/>.
/// </summary>
public sealed class CallRecordingOptions
{
    public const string SectionName = "Recording";

    /// <summary>Record calls at all. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The called numbers (E.164, as the trunk reports them) whose calls are recorded; empty = every number. Default empty.</summary>
    public List<string> Numbers { get; set; } = [];

    /// <summary>
    /// The blob service endpoint the egress uploads to and read links point at:
    /// <c>https://&lt;account&gt;.blob.core.windows.net</c> (Azurite: <c>http://127.0.0.1:10000/devstoreaccount1</c>).
    /// </summary>
    public string BlobServiceUri { get; set; } = "";

    /// <summary>The storage account name.</summary>
    public string AccountName { get; set; } = "";

    /// <summary>
    /// The storage account key (a Key Vault reference in the app settings). LiveKit's egress uploads with it
    /// (its Azure upload takes an account key) and links are signed with it. Secret: never logged, never returned.
    /// Empty (direct mode only): links are user-delegation SAS signed with a key the Blob service gives the function
    /// app's managed identity (<see cref="RecordingSasSigner"/>).
    /// </summary>
    public string AccountKey { get; set; } = "";

    /// <summary>The container recordings go to; infra.bicep's lifecycle rule deletes them after the retention days. Default "recordings".</summary>
    public string ContainerName { get; set; } = "recordings";

    /// <summary>How long a read link from GET /api/calls/{id}/recording stays valid. Default 15 min; 1 min to 24 h.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Direct mode: how long the write-only link the MediaHost uploads a recording with stays valid (every block must be
    /// written before then; a failed upload asks for a new link). Default 30 min; 1 min to 6 h.
    /// </summary>
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The client id of the user-assigned managed identity that signs user-delegation links; empty: the system-assigned identity.</summary>
    public string ManagedIdentityClientId { get; set; } = "";

    /// <summary>Set from AgentEvents:DirectMode, not bound here: in direct mode no egress needs the account key.</summary>
    internal bool DirectMode { get; set; }

    /// <summary>True when a call to <paramref name="calledNumber"/> is recorded.</summary>
    public bool Records(string? calledNumber) =>
        Enabled && (Numbers.Count == 0 || (calledNumber is not null && Numbers.Contains(calledNumber, StringComparer.Ordinal)));
}
