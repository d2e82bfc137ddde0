using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;

// In the DI namespace, as is usual for Add* extensions.
namespace Microsoft.Extensions.DependencyInjection;

public static class EndOfTurnScorerServiceCollectionExtensions
{
    /// <summary>Registers the built-in ru/en <see cref="TranscriptEndOfTurnScorer"/> as the <see cref="IEndOfTurnModel"/>, with validated options.</summary>
    public static IServiceCollection AddEndOfTurnScorer(this IServiceCollection services, Action<EndOfTurnScorerOptions>? configure = null)
    {
        var options = services.AddOptions<EndOfTurnScorerOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton<IEndOfTurnModel>(sp => new TranscriptEndOfTurnScorer(sp.GetRequiredService<IOptions<EndOfTurnScorerOptions>>().Value));
        return services;
    }
}
