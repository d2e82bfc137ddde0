using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent.FrontEnd;

// In the DI namespace, as is usual for Add* extensions, so Program.cs needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class AudioFrontEndServiceCollectionExtensions
{
    /// <summary>
    /// Registers the caller-audio front-end from the "AudioFrontEnd" configuration section (validated at start-up):
    /// a <see cref="Func{IAudioFrontEnd}"/> that makes one front-end per call (speexdsp's when enabled, which is the
    /// default; the pass-through one when not), each counted for the call's ERLE and double-talk metrics. With it enabled and libspeexdsp missing, start-up fails naming the package.
    /// </summary>
    public static IServiceCollection AddAudioFrontEnd(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AudioFrontEndOptions>().Bind(configuration.GetSection(AudioFrontEndOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AudioFrontEndOptions>, AudioFrontEndOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<FrontEndMetrics>();
        services.TryAddSingleton<AudioFrontEndFactory>();
        services.TryAddSingleton<Func<IAudioFrontEnd>>(sp => sp.GetRequiredService<AudioFrontEndFactory>().Create);
        services.AddHostedService<AudioFrontEndStartupCheck>();
        return services;
    }
}
