namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>
/// One agent after inheritance from the default agent. A null value means "what the MediaHost's own configuration says"
/// (AiLoop): a voice.yaml without an agents section changes nothing.
/// </summary>
/// <param name="Id">"default" or the profile's id; recorded on each call the agent answers.</param>
/// <param name="Numbers">E.164 numbers the agent answers (empty for the default agent).</param>
/// <param name="Tools">Tool names offered to the model; null: every configured tool.</param>
/// <param name="TransferTargets">Null: the MediaHost's AiLoop:TransferTarget. The first is the operator.</param>
/// <param name="Variables">Declared per-call variables: name → default (null: no default).</param>
public sealed record AgentSettings(
    string Id,
    IReadOnlyList<string> Numbers,
    string? Language,
    string? Prompt,
    string? Greeting,
    string? Voice,
    AgentProviderSelection Providers,
    IReadOnlyList<string>? Tools,
    AgentRecordingPolicy Recording,
    IReadOnlyList<AgentTransfer>? TransferTargets,
    IReadOnlyDictionary<string, string?> Variables,
    CallerContextSettings? CallerContext)
{
    public const string DefaultId = "default";

    /// <summary>The agent used when voice.yaml has no agents section: the MediaHost's configuration as it is.</summary>
    public static readonly AgentSettings HostDefault = new(DefaultId, [], null, null, null, null, AgentProviderSelection.HostDefaults,
        null, AgentRecordingPolicy.Off, null, new Dictionary<string, string?>(), null);
}
