using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Providers.Configuration;

public static class ProviderChainsServiceCollectionExtensions
{
    /// <summary>Binds and validates (at start-up) the provider chains of AiLoop:Providers:Chains, and their deadlines against the stage deadline.</summary>
    public static IServiceCollection AddProviderChains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProviderChainsOptions>().Bind(configuration.GetSection(ProviderChainsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderChainsOptions>, ProviderChainsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderChainsOptions>, TimeoutLayeringValidator>());
        return services;
    }
}
