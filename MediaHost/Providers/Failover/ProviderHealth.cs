using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// Whether one provider of a chain is taking turns. A failure marks it unhealthy and starts one background probe
/// loop (every <c>interval</c>, on the injected clock) that marks it healthy again at the first successful probe.
/// While unhealthy the chain tries it only after the healthy ones.
/// </summary>
public sealed class ProviderHealth(string stage, string name, Func<CancellationToken, Task> probe, TimeSpan interval, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private int _unhealthy;

    public string Name => name;

    public bool IsHealthy => Volatile.Read(ref _unhealthy) == 0;

    /// <summary>The running probe loop, if any (tests wait on it).</summary>
    public Task Probing { get; private set; } = Task.CompletedTask;

    /// <summary>Marks the provider unhealthy for a vendor-side failure; one caused by our own lateness is only logged.</summary>
    public void MarkFailed(Exception failure)
    {
        if (!VendorFault.IsVendorSide(failure))
        {
            FailoverLog.NotCounted(logger, stage, name, failure.GetType().Name, failure.Message);
            return;
        }
        if (Interlocked.Exchange(ref _unhealthy, 1) == 1)
        {
            return; // already unhealthy: its probe loop is running
        }
        FailoverLog.MarkedUnhealthy(logger, stage, name, failure.GetType().Name, failure.Message);
        Probing = Task.Run(ProbeUntilHealthyAsync);
    }

    private async Task ProbeUntilHealthyAsync()
    {
        var token = _disposed.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, token).ConfigureAwait(false);
                await probe(token).ConfigureAwait(false);
                Volatile.Write(ref _unhealthy, 0);
                FailoverLog.Recovered(logger, stage, name);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                FailoverLog.ProbeFailed(logger, stage, name, e.GetType().Name);
            }
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
