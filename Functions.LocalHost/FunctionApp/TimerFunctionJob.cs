using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace VoiceFunctions.Functions.LocalHost.FunctionApp;

/// <summary>
/// Runs a timer function on its NCRONTAB schedule (six fields, seconds first, in UTC), as the Functions host does:
/// never on start, one run at a time, and a failed run is logged and the next occurrence is awaited.
/// </summary>
public sealed class TimerFunctionJob(TimerFunction function, string schedule, IServiceProvider services, TimeProvider time, ILogger<TimerFunctionJob> logger)
    : BackgroundService
{
    private readonly CrontabSchedule _schedule = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public string Name => function.Name;

    /// <summary>The schedule as the function declares it (e.g. <c>%HealthCheckSchedule%</c>).</summary>
    public string DeclaredSchedule => function.Schedule;

    /// <summary>The next run after <paramref name="now"/>.</summary>
    public DateTimeOffset NextRunAfter(DateTimeOffset now) => new(_schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var target = function.Entry.IsStatic ? null : services.GetService(function.Entry.DeclaringType!);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NextRunAfter(now) - now, time, stoppingToken).ConfigureAwait(false);
            try
            {
                await ((Task)function.Entry.Invoke(target, FunctionArguments.ForTimer(function.Entry, services, stoppingToken))!).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LocalHostLog.JobFailed(logger, e, function.Name);
            }
        }
    }
}
