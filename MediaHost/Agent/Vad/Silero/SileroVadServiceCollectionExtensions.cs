using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;

// In the DI namespace, as is usual for Add* extensions.
namespace Microsoft.Extensions.DependencyInjection;

public static class SileroVadServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Silero VAD (validated <see cref="SileroVadOptions"/>, section "AiLoop:SileroVad" when bound by the
    /// caller) as a <see cref="SileroVadFactory"/> and a <c>Func&lt;IVoiceActivityDetector&gt;</c> that makes one
    /// detector per call, falling back to the energy detector when the model file is absent.
    /// </summary>
    public static IServiceCollection AddSileroVad(this IServiceCollection services, Action<SileroVadOptions>? configure = null)
    {
        var options = services.AddOptions<SileroVadOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(sp => new SileroVadFactory(
            sp.GetRequiredService<IOptions<SileroVadOptions>>().Value,
            sp.GetService<IOptions<AiLoopOptions>>()?.Value.Vad ?? new VadOptions(),
            sp.GetRequiredService<ILogger<SileroVadFactory>>()));
        services.TryAddSingleton<Func<IVoiceActivityDetector>>(sp => sp.GetRequiredService<SileroVadFactory>().Create);
        return services;
    }
}
