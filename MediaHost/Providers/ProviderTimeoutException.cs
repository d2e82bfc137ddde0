namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// A provider did not answer within its timeout. Its own type so that the agent can tell "we gave up waiting"
/// (speak the fallback) apart from "the caller interrupted" (an <see cref="OperationCanceledException"/> of the turn).
/// </summary>
public sealed class ProviderTimeoutException(string provider, TimeSpan timeout)
    : ProviderException(provider, $"no answer within {timeout.TotalSeconds:0.###} s", isTransient: true)
{
    public TimeSpan Timeout { get; } = timeout;
}
