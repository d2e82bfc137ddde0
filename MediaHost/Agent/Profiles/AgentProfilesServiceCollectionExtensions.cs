using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

public static class AgentProfilesServiceCollectionExtensions
{
    /// <summary>
    /// The per-number agents (section "AgentProfiles"): the store read at start and on change, the selector, the
    /// caller-context lookup and the per-call agent factory the agent's call handler uses. Without AgentProfiles:Path
    /// every call gets the default agent, which is the AiLoop settings as they are.
    /// </summary>
    public static IServiceCollection AddAgentProfiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentProfilesOptions>().Bind(configuration.GetSection(AgentProfilesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(CallerContextClient.HttpClientName);
        services.AddSingleton<AgentProviderAvailability>();
        services.AddSingleton(sp => new AgentProfileStore(sp.GetRequiredService<IOptions<AgentProfilesOptions>>(),
            sp.GetRequiredService<ILogger<AgentProfileStore>>(), sp.GetRequiredService<AgentProviderAvailability>()));
        services.AddSingleton<AgentProfileSelector>();
        services.AddSingleton(sp => new CallerContextClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(CallerContextClient.HttpClientName),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CallerContextClient>>()));
        services.AddSingleton<ProfiledAgentFactory>();
        services.AddSingleton<AgentProfiles>();
        services.AddHostedService<AgentProfileWatcher>();
        return services;
    }
}
