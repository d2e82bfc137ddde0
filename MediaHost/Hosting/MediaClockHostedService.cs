using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;

namespace VoiceFunctions.MediaHost.Hosting;

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
