using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Registers campaigns: options, the store (a table in the call store's account) and the activities.</summary>
public static class CampaignServiceCollectionExtensions
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CampaignOptions>().Bind(configuration.GetSection(CampaignOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new CampaignStore(new TableClient(
            sp.GetRequiredService<IOptions<CallStoreOptions>>().Value.ConnectionString, sp.GetRequiredService<IOptions<CampaignOptions>>().Value.TableName)));
        services.TryAddTransient<LoadCampaignWorkActivity>();
        services.TryAddTransient<SettleCampaignAttemptActivity>();
        services.TryAddTransient<CancelCampaignNumbersActivity>();
        services.TryAddTransient<IsCallFinishedActivity>();
        return services;
    }
}
