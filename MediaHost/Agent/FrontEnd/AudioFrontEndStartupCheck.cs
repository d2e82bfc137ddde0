using Microsoft.Extensions.Hosting;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>Builds the front-end factory when the host starts, so a missing libspeexdsp stops start-up with its name.</summary>
internal sealed class AudioFrontEndStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(AudioFrontEndFactory));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
