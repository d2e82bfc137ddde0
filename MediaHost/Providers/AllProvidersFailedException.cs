namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Every provider of a failover chain failed for this turn: the only failure after which the session plays its
/// apology phrase. <see cref="Failures"/> holds each provider's own exception, in chain order.
/// </summary>
public sealed class AllProvidersFailedException(string stage, IReadOnlyList<Exception> failures)
    : ProviderException(stage, $"all {failures.Count} providers failed: " + string.Join("; ", failures.Select(f => f.Message)),
        isTransient: failures.Any(f => f is ProviderException { IsTransient: true }), inner: failures.LastOrDefault())
{
    public IReadOnlyList<Exception> Failures { get; } = failures;
}
