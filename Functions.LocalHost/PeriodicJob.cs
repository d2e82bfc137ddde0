using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>Runs one timer function's work on a fixed period (the local stand-in for a TimerTrigger).</summary>
public sealed class PeriodicJob(string name, TimeSpan period, bool runOnStart, Func<IServiceProvider, CancellationToken, Task> work, IServiceProvider services, TimeProvider time, ILogger<PeriodicJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runOnStart)
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await work(services, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A timer run that fails is logged and tried again next period, as the Functions host does.
            LocalHostLog.JobFailed(logger, e, name);
        }
    }
}
