using VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;
using VoiceFunctions.Shared.Telephony.Numbers;

namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>
/// Applies inheritance: each profile takes what it leaves out from the default agent (scalars one by one, provider
/// stages one by one, lists and sections as a whole). Builds from a section that passed validation; anything invalid
/// left in it (a number that does not parse) is skipped, never guessed.
/// </summary>
public static class AgentCatalogBuilder
{
    public static AgentCatalog Build(AgentsSection section)
    {
        var defaults = Resolve(section.Default ?? new AgentProfile(), null, AgentSettings.DefaultId);
        var profiles = section.Profiles
            .Where(p => p.Id is not null)
            .Select(p => Resolve(p, defaults, p.Id!.Value))
            .ToArray();
        var tools = section.Tools
            .Where(t => t.Name is not null && t.Url is not null)
            .Select(t => new AgentToolDefinition(t.Name!.Value, t.Description ?? "", t.Url!.Value, t.TimeoutSeconds))
            .ToArray();
        return new AgentCatalog(defaults, profiles, tools);
    }

    private static AgentSettings Resolve(AgentProfile profile, AgentSettings? parent, string id)
    {
        var providers = profile.Providers;
        var inherited = parent?.Providers ?? AgentProviderSelection.HostDefaults;
        return new AgentSettings(
            id,
            parent is null ? [] : profile.Numbers.Select(Normalise).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
            profile.Language?.Value ?? parent?.Language,
            profile.Prompt?.Value ?? parent?.Prompt,
            profile.Greeting?.Value ?? parent?.Greeting,
            profile.Voice?.Value ?? parent?.Voice,
            new AgentProviderSelection(providers?.Stt?.Value ?? inherited.Stt, providers?.Llm?.Value ?? inherited.Llm, providers?.Tts?.Value ?? inherited.Tts),
            profile.Tools is { } tools ? tools.Select(t => t.Value).ToArray() : parent?.Tools,
            profile.Recording is { } recording
                ? new AgentRecordingPolicy(recording.Enabled, string.IsNullOrWhiteSpace(recording.ConsentPhrase?.Value) ? null : recording.ConsentPhrase.Value)
                : parent?.Recording ?? AgentRecordingPolicy.Off,
            profile.TransferTargets is { } targets
                ? targets.Where(t => t.Name is not null && t.Uri is not null).Select(t => new AgentTransfer(t.Name!.Value, t.Uri!.Value)).ToArray()
                : parent?.TransferTargets,
            profile.Variables is { } variables
                ? variables.Where(v => v.Name is not null).GroupBy(v => v.Name!.Value, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First().Default, StringComparer.Ordinal)
                : parent?.Variables ?? new Dictionary<string, string?>(),
            profile.CallerContext is { Url: not null } lookup
                ? new CallerContextSettings(lookup.Url.Value, TimeSpan.FromMilliseconds(lookup.TimeoutMs),
                    lookup.Headers.Where(h => h.Name is not null && h.Value is not null).Select(h => new CallerContextHeader(h.Name!.Value, h.Value!.Variable)).ToArray())
                : parent?.CallerContext);
    }

    private static string? Normalise(Parsing.Located<string> written) =>
        PhoneNumber.TryParse(written.Value, out var number, out _) ? number.E164 : null;
}
