using System.Text.RegularExpressions;
using VoiceFunctions.Shared.Telephony.Deployment.Agents;
using VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>
/// The agents section: each number has one agent, profiles name providers and tools that exist, languages are
/// BCP 47 tags the agent speaks, prompts and greetings are not empty and use only declared {{variables}}.
/// </summary>
internal static partial class AgentChecks
{
    /// <summary>The languages the agent has phrases, voices and endpointing for.</summary>
    public static readonly IReadOnlyList<string> SpokenLanguages = ["ru-RU", "en-US"];

    public static readonly IReadOnlyList<string> BuiltInTools = ["end_call", "transfer_to_human", "send_dtmf"];

    public static void Run(ValidationContext context)
    {
        if (context.File.Agents is not { } agents)
        {
            return;
        }
        var declaredTools = CheckTools(context, agents.Tools);
        var known = new KnownNames(agents.Providers, BuiltInTools.Concat(declaredTools).ToArray());

        if (agents.Default is { } defaults)
        {
            if (defaults.Numbers.Count > 0)
            {
                context.Error(DiagnosticCodes.InvalidValue, defaults.Numbers[0].Position, "the default agent lists numbers",
                    "The default agent answers every number no profile lists; put these numbers in a profile.");
            }
            CheckProfile(context, defaults, null, known);
        }

        var ids = new Dictionary<string, SourcePosition>(StringComparer.Ordinal) { [AgentSettings.DefaultId] = default };
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var profile in agents.Profiles)
        {
            if (profile.Id is not { } id)
            {
                context.Error(DiagnosticCodes.MissingKey, profile.Position, "a profile has no 'id'", "The id is recorded on each call the profile answers.");
            }
            else if (!ids.TryAdd(id.Value, id.Position))
            {
                context.Error(DiagnosticCodes.DuplicateName, id.Position,
                    id.Value == AgentSettings.DefaultId ? "profile id 'default' is the default agent's" : $"agent profile id '{id.Value}' is already used at line {ids[id.Value].Line}");
            }
            var name = ValidationContext.NameOf(profile.Id);
            foreach (var written in profile.Numbers)
            {
                if (context.Number(written) is not { } number)
                {
                    continue;
                }
                if (!owners.TryAdd(number.E164, name) && owners[number.E164] != name)
                {
                    context.Error(DiagnosticCodes.NumberHasTwoAgents, written.Position, $"{number.E164} already belongs to agent profile '{owners[number.E164]}'",
                        "Each number is answered by one agent; remove it from one of the profiles.");
                }
            }
            CheckProfile(context, profile, agents.Default, known);
        }
    }

    private static void CheckProfile(ValidationContext context, AgentProfile profile, AgentProfile? parent, KnownNames known)
    {
        if (profile.Language is { } language)
        {
            CheckLanguage(context, language);
        }
        NotEmpty(context, profile.Prompt, "prompt");
        NotEmpty(context, profile.Greeting, "greeting");
        if (profile.Providers is { } providers)
        {
            Provider(context, providers.Stt, "stt", known.Stt);
            Provider(context, providers.Llm, "llm", known.Llm);
            Provider(context, providers.Tts, "tts", known.Tts);
        }
        foreach (var tool in profile.Tools ?? [])
        {
            if (!known.Tools.Contains(tool.Value, StringComparer.Ordinal))
            {
                context.Error(DiagnosticCodes.UnknownTool, tool.Position, $"unknown tool '{tool.Value}'" + Suggest(tool.Value, known.Tools),
                    $"Tools are the built-in {string.Join(", ", BuiltInTools)} and those declared under agents.tools.");
            }
        }
        foreach (var target in profile.TransferTargets ?? [])
        {
            if (target.Uri is { } uri && !TransferUri().IsMatch(uri.Value))
            {
                context.Error(DiagnosticCodes.InvalidValue, uri.Position, $"transfer target '{uri.Value}' is not a sip:, sips: or tel: URI");
            }
        }
        foreach (var variable in profile.Variables ?? [])
        {
            if (variable.Name is { } name && !PromptTemplate.IsValidName(name.Value))
            {
                context.Error(DiagnosticCodes.InvalidValue, name.Position, $"variable name '{name.Value}' must be letters, digits and _ (not starting with a digit)");
            }
        }
        if (profile.CallerContext?.Url is { } url && !IsHttpUrl(url.Value))
        {
            context.Error(DiagnosticCodes.InvalidValue, url.Position, $"caller_context url '{url.Value}' is not an http(s) URL");
        }
        CheckPlaceholders(context, profile, parent);
    }

    /// <summary>
    /// Placeholders must be declared by the agent's variables (its own, or the default agent's when it has none). A text
    /// inherited together with the variables was checked at the default agent; one inherited by a profile that declares
    /// its own variables is checked again, and reported at the profile.
    /// </summary>
    private static void CheckPlaceholders(ValidationContext context, AgentProfile profile, AgentProfile? parent)
    {
        var declared = (profile.Variables ?? parent?.Variables ?? []).Select(v => v.Name?.Value).OfType<string>()
            .Concat(PromptTemplate.BuiltInVariables).ToHashSet(StringComparer.Ordinal);
        foreach (var (own, inherited) in new[] { (profile.Prompt, parent?.Prompt), (profile.Greeting, parent?.Greeting) })
        {
            var text = own ?? (profile.Variables is null ? null : inherited);
            if (text is null)
            {
                continue;
            }
            var at = own?.Position ?? profile.Position;
            foreach (var name in PromptTemplate.Placeholders(text.Value).Where(n => !declared.Contains(n)))
            {
                context.Error(DiagnosticCodes.UndeclaredPlaceholder, at, $"placeholder {{{{{name}}}}} is not a declared variable" + Suggest(name, declared),
                    "Declare it under the agent's variables (with a default if calls may leave it out); built-in: " + string.Join(", ", PromptTemplate.BuiltInVariables) + ".");
            }
        }
    }

    private static void CheckLanguage(ValidationContext context, Located<string> language)
    {
        if (!LanguageTag().IsMatch(language.Value))
        {
            context.Error(DiagnosticCodes.InvalidLanguage, language.Position, $"'{language.Value}' is not a BCP 47 language tag such as ru-RU or en-US");
        }
        else if (!SpokenLanguages.Contains(language.Value, StringComparer.Ordinal))
        {
            context.Error(DiagnosticCodes.InvalidLanguage, language.Position, $"the agent does not speak '{language.Value}'" + Suggest(language.Value, SpokenLanguages),
                "The agent has phrases, voices and endpointing for " + string.Join(" and ", SpokenLanguages) + ".");
        }
    }

    private static void NotEmpty(ValidationContext context, Located<string>? text, string key)
    {
        if (text is not null && string.IsNullOrWhiteSpace(text.Value))
        {
            context.Error(DiagnosticCodes.EmptyPrompt, text.Position, $"'{key}' is empty", $"Leave '{key}' out to inherit it, or write the text.");
        }
    }

    private static void Provider(ValidationContext context, Located<string>? name, string stage, IReadOnlyList<string> known)
    {
        if (name is not null && !known.Contains(name.Value, StringComparer.Ordinal))
        {
            context.Error(DiagnosticCodes.UnknownProvider, name.Position, $"unknown {stage} provider '{name.Value}'" + Suggest(name.Value, known),
                $"{stage} providers configured: {string.Join(", ", known)} (agents.providers.{stage}).");
        }
    }

    /// <summary>Tool declarations: names the model accepts, unique, with http(s) URLs. Returns the declared names.</summary>
    private static IReadOnlyList<string> CheckTools(ValidationContext context, List<AgentHttpTool> tools)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (tool.Name is { } name)
            {
                if (!ToolName().IsMatch(name.Value))
                {
                    context.Error(DiagnosticCodes.InvalidValue, name.Position, $"tool name '{name.Value}' must be 1-64 letters, digits, _ or -");
                }
                else if (BuiltInTools.Contains(name.Value, StringComparer.Ordinal) || !seen.TryAdd(name.Value, name.Position))
                {
                    context.Error(DiagnosticCodes.DuplicateName, name.Position, $"tool name '{name.Value}' is already used");
                }
            }
            if (tool.Url is { } url && !IsHttpUrl(url.Value))
            {
                context.Error(DiagnosticCodes.InvalidValue, url.Position, $"tool url '{url.Value}' is not an http(s) URL");
            }
        }
        return seen.Keys.ToArray();
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Suggest(string value, IEnumerable<string> candidates) =>
        EditDistance.ClosestMatch(value, candidates) is { } match ? $" (did you mean '{match}'?)" : "";

    private sealed class KnownNames(AgentProviderNames? providers, IReadOnlyList<string> tools)
    {
        public IReadOnlyList<string> Stt { get; } = Names(providers?.Stt, AgentProviderNames.BuiltInStt);
        public IReadOnlyList<string> Llm { get; } = Names(providers?.Llm, AgentProviderNames.BuiltInLlm);
        public IReadOnlyList<string> Tts { get; } = Names(providers?.Tts, AgentProviderNames.BuiltInTts);
        public IReadOnlyList<string> Tools { get; } = tools;

        private static IReadOnlyList<string> Names(List<Located<string>>? configured, IReadOnlyList<string> builtIn) =>
            configured is null ? builtIn : configured.Select(n => n.Value).ToArray();
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^(sip|sips|tel):.+")]
    private static partial Regex TransferUri();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ToolName();
}
