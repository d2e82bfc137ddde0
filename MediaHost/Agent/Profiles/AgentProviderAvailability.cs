using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.Telephony.Deployment.Agents;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// Which provider names a profile may choose on this MediaHost: the built-in kinds, "openai" only where its AiLoop
/// settings exist. voicectl checks names against agents.providers; this check is the MediaHost's own, so a file
/// naming a provider this host cannot build is refused instead of failing a call.
/// </summary>
public sealed class AgentProviderAvailability(IOptions<AiLoopOptions> options)
{
    public string? Problem(AgentCatalog catalog)
    {
        var providers = options.Value.Providers;
        var stt = Names("pocketsphinx", providers.OpenAiStt is not null);
        var llm = Names("scripted", providers.OpenAiLlm is not null);
        var tts = Names("espeak", providers.OpenAiTts is not null);
        foreach (var agent in catalog.Profiles.Prepend(catalog.Default))
        {
            var problem = Check(agent, "stt", agent.Providers.Stt, stt) ?? Check(agent, "llm", agent.Providers.Llm, llm) ?? Check(agent, "tts", agent.Providers.Tts, tts);
            if (problem is not null)
            {
                return problem;
            }
        }
        return null;
    }

    private static string[] Names(string offline, bool openAi) => openAi ? [offline, "openai"] : [offline];

    private static string? Check(AgentSettings agent, string stage, string? name, string[] available) =>
        name is null || available.Contains(name, StringComparer.Ordinal) ? null
            : $"agent '{agent.Id}' chooses {stage} provider '{name}', which this MediaHost does not have (it has {string.Join(", ", available)}; see AiLoop:Providers)";
}
