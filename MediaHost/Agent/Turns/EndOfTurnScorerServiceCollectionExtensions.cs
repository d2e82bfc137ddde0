using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;

// In the DI namespace, as is usual for Add* extensions.
namespace Microsoft.Extensions.DependencyInjection;

public static class EndOfTurnScorerServiceCollectionExtensions
{
    /// <summary>Registers the built-in ru/en <see cref="TranscriptEndOfTurnScorer"/> as the <see cref="IEndOfTurnModel"/>, with validated
    /// options; with <see cref="OnnxEndOfTurnOptions.ModelPath"/> set, the <see cref="OnnxEndOfTurnModel"/> (loaded when first resolved,
    /// which the agent's start-up check does: a missing or unusable file stops the start) with the scorer as its fallback.</summary>
    public static IServiceCollection AddEndOfTurnScorer(this IServiceCollection services, Action<EndOfTurnScorerOptions>? configure = null,
        Action<OnnxEndOfTurnOptions>? configureModel = null)
    {
        var model = services.AddOptions<OnnxEndOfTurnOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configureModel is not null)
        {
            model.Configure(configureModel);
        }
        var options = services.AddOptions<EndOfTurnScorerOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton<IEndOfTurnModel>(sp =>
        {
            var waits = sp.GetRequiredService<IOptions<EndOfTurnScorerOptions>>().Value;
            var scorer = new TranscriptEndOfTurnScorer(waits);
            var onnx = sp.GetRequiredService<IOptions<OnnxEndOfTurnOptions>>().Value;
            return onnx.ModelPath.Length == 0 ? scorer
                : new OnnxEndOfTurnModel(onnx, waits, scorer, sp.GetRequiredService<ILoggerFactory>().CreateLogger<OnnxEndOfTurnModel>());
        });
        return services;
    }
}
