namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Counts the calls the agent serves and admits a new one only while there is room (<see cref="AgentCapacityOptions.MaxCalls"/>).
/// One instance per MediaHost; thread-safe and lock-free: admission runs on the SIP path.
/// </summary>
public sealed class AgentCapacity(AgentCapacityOptions options)
{
    private int _active;
    private long _rejected;

    /// <summary>Agent calls in progress.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Calls refused because the agent was full, since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public int MaxCalls => options.MaxCalls;

    /// <summary>Takes a place for a new call; the lease gives it back when disposed. Null when the agent is full.</summary>
    public AgentCapacityLease? TryAdmit()
    {
        while (true)
        {
            var active = Volatile.Read(ref _active);
            if (active >= options.MaxCalls)
            {
                Interlocked.Increment(ref _rejected);
                return null;
            }
            if (Interlocked.CompareExchange(ref _active, active + 1, active) == active)
            {
                return new AgentCapacityLease(this);
            }
        }
    }

    internal void Release() => Interlocked.Decrement(ref _active);
}
