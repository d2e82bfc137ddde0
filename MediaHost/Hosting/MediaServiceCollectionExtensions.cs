using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>Registers the RTP media path in the MediaHost: options (section "Rtp"), the shared media clock, metrics,
/// the real <see cref="IMediaSessionFactory"/> and the built-in echo answering behaviour.</summary>
public static class MediaServiceCollectionExtensions
{
    public const string Section = "Rtp";

    /// <summary>
    /// Call after the SIP registrations: replaces the holding media path and the answering handler. The RTP
    /// sockets bind <paramref name="bindAddress"/> (the SIP stack's media bind address).
    /// </summary>
    public static IServiceCollection AddRtpMedia(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IPAddress> bindAddress)
    {
        services.AddOptions<RtpOptions>().Bind(configuration.GetSection(Section)).ValidateDataAnnotations()
            .Validate(o => o.Validate().Count == 0, "Rtp settings are inconsistent (see Rtp:PortMin/PortMax and Rtp:JitterBuffer).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MediaMetrics>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RtpOptions>>().Value;
            var clock = new MediaClock(sp.GetRequiredService<TimeProvider>(), threads: Environment.ProcessorCount, // one tick thread per core
                phases: options.ClockPhases);
            sp.GetRequiredService<MediaMetrics>().ObserveClock(clock);
            return clock;
        });
        services.AddSingleton(sp =>
        {
            var loops = new DatagramReceiveLoops(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RtpOptions>>().Value.ReceiveLoops);
            sp.GetRequiredService<MediaMetrics>().ObserveReceiveLoops(loops);
            return loops;
        });
        services.AddHostedService<MediaClockHostedService>();
        services.Replace(ServiceDescriptor.Singleton<IMediaSessionFactory>(sp => new RtpMediaSessionFactory(
            UdpDatagramSocket.FactoryOn(sp.GetRequiredService<DatagramReceiveLoops>()), bindAddress(sp),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RtpOptions>>().Value,
            sp.GetRequiredService<MediaClock>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MediaMetrics>())));
        services.Replace(ServiceDescriptor.Singleton<ICallHandler>(_ =>
        {
            var prompt = configuration[$"{Section}:PromptFile"];
            return new EchoAnsweringHandler(string.IsNullOrEmpty(prompt) ? null : EchoAnsweringHandler.LoadPrompt(prompt));
        }));
        return services;
    }
}
