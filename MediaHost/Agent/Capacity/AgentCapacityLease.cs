namespace VoiceFunctions.MediaHost.Agent;

/// <summary>One admitted call's place in <see cref="AgentCapacity"/>; disposing it (once) frees the place.</summary>
public sealed class AgentCapacityLease : IDisposable
{
    private AgentCapacity? _owner;

    internal AgentCapacityLease(AgentCapacity owner) => _owner = owner;

    public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release();
}
