using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media.Net;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>Registers the RTP media path in the MediaHost: options (section "Rtp"), the shared media clock, metrics
/// and the <see cref="IMediaSessionFactory"/>.</summary>
public static class MediaServiceCollectionExtensions
{
    public const string Section = "Rtp";

    /// <summary>The RTP sockets bind <paramref name="bindAddress"/> (the SIP stack's media bind address).</summary>
    public static IServiceCollection AddRtpMedia(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IPAddress> bindAddress)
    {
        services.AddOptions<RtpOptions>().Bind(configuration.GetSection(Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<RtpOptions>, RtpOptionsValidator>();
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
        services.AddSingleton<IMediaSessionFactory>(sp => new RtpMediaSessionFactory(
            UdpDatagramSocket.FactoryOn(sp.GetRequiredService<DatagramReceiveLoops>()), bindAddress(sp),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RtpOptions>>().Value,
            sp.GetRequiredService<MediaClock>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MediaMetrics>()));
        return services;
    }
}

/// <summary>
/// Warms the media path up and starts the media clock with the host (registered before the SIP service, so both
/// happen before the first INVITE is read), and stops the clock and the receive loops last.
/// </summary>
internal sealed class MediaClockHostedService(MediaClock clock, DatagramReceiveLoops receiveLoops) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        MediaPathWarmUp.Run();
        clock.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await clock.DisposeAsync().ConfigureAwait(false);
        receiveLoops.Dispose();
    }
}
