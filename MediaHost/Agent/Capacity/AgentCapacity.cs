namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Counts the calls the agent serves and admits a new one only while there is room (<see cref="AgentCapacityOptions.MaxCalls"/>)
/// and the AI work is not saturated (<paramref name="saturation"/>: the reason it is, or null; for example every
/// recognition decoder busy). One instance per MediaHost; thread-safe and lock-free: admission runs on the SIP path.
/// </summary>
public sealed class AgentCapacity(AgentCapacityOptions options, Func<string?>? saturation = null)
{
    private int _active;
    private long _rejected;

    /// <summary>Agent calls in progress.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Calls refused because the agent was full, since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public int MaxCalls => options.MaxCalls;

    /// <summary>Why the last refusal happened: the call limit, or the AI work's saturation.</summary>
    public string LastRefusal { get; private set; } = "";

    /// <summary>Takes a place for a new call; the lease gives it back when disposed. Null when the agent is full or its AI work saturated.</summary>
    public AgentCapacityLease? TryAdmit()
    {
        if (saturation?.Invoke() is { } reason)
        {
            LastRefusal = reason;
            Interlocked.Increment(ref _rejected);
            return null;
        }
        while (true)
        {
            var active = Volatile.Read(ref _active);
            if (active >= options.MaxCalls)
            {
                LastRefusal = $"the agent serves {options.MaxCalls} calls at once";
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
