using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// Loads the agent profiles at start and reloads them when the file changes, once it has been quiet for
/// <see cref="AgentProfilesOptions.ReloadDelay"/> (an editor's save is several events; the file is read once, whole).
/// Watches the folder, not the file, so a save by rename (write a temp file, move it over) is seen too.
/// </summary>
public sealed class AgentProfileWatcher(AgentProfileStore store, IOptions<AgentProfilesOptions> options, TimeProvider time, ILogger<AgentProfileWatcher> logger)
    : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;
    private ITimer? _quiet;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.LoadAtStart();
        if (!store.IsConfigured)
        {
            return Task.CompletedTask;
        }
        var full = Path.GetFullPath(store.Path);
        _quiet = time.CreateTimer(_ => store.Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Touched();
        _watcher.Created += (_, _) => Touched();
        _watcher.Renamed += (_, _) => Touched();
        _watcher.Error += (_, e) => AgentProfilesLog.WatchFailed(logger, store.Path, e.GetException().Message);
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    /// <summary>Every event restarts the quiet period; the reload runs once it ends.</summary>
    private void Touched() => _quiet?.Change(options.Value.ReloadDelay, Timeout.InfiniteTimeSpan);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _quiet?.Dispose();
        _quiet = null;
    }
}
