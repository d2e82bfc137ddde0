namespace VoiceFunctions.Functions.Health;

/// <summary>
/// What the alerting remembers between checks: whether an outage is open (and since when), and the
/// failed/total probe counts of the recent checks for the error rate.
/// </summary>
public sealed record AlertState(bool InOutage, DateTimeOffset? OutageSince, IReadOnlyList<ProbeCount> Recent)
{
    public static readonly AlertState Initial = new(false, null, []);
}

public sealed record ProbeCount(int Failed, int Total);
