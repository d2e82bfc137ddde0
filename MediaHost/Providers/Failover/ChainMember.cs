using Polly;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>One provider of a failover chain: its name (for logs and the turn record), its health and its own
/// resilience pipeline (retry with jitter honouring Retry-After, then a circuit breaker).</summary>
public sealed class ChainMember<TProvider>(string name, TProvider provider, ProviderHealth health, ResiliencePipeline pipeline)
{
    public string Name => name;

    public TProvider Provider => provider;

    public ProviderHealth Health => health;

    public ResiliencePipeline Pipeline => pipeline;
}
