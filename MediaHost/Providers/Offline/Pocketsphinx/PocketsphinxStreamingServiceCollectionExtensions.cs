using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.MediaHost.Providers.Recognition;

// In the DI namespace, as is usual for Add* extensions.
namespace Microsoft.Extensions.DependencyInjection;

public static class PocketsphinxStreamingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pooled in-process pocketsphinx recogniser as <see cref="PocketsphinxStreamingSpeechToText"/> and, unless
    /// one is registered already, as the <see cref="IStreamingSpeechToText"/>; its grammar comes from the registered
    /// <see cref="DialogScript"/>, or the built-in dialog when none is. Options are validated at start.
    /// </summary>
    public static IServiceCollection AddPocketsphinxStreaming(this IServiceCollection services, Action<PocketsphinxStreamingOptions>? configure = null)
    {
        var options = services.AddOptions<PocketsphinxStreamingOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(sp => new PocketsphinxStreamingSpeechToText(
            sp.GetRequiredService<IOptions<PocketsphinxStreamingOptions>>().Value,
            sp.GetService<DialogScript>() ?? DialogScriptLoader.LoadDefault(),
            sp.GetRequiredService<ILogger<PocketsphinxStreamingSpeechToText>>()));
        services.TryAddSingleton<IStreamingSpeechToText>(sp => sp.GetRequiredService<PocketsphinxStreamingSpeechToText>());
        return services;
    }
}
