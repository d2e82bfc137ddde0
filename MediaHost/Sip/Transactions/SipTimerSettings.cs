namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>
/// RFC 3261's base timers (section 17.1.1.1 and table 4). Every other timer derives from them: A/E/G start at T1 and
/// double up to T2; B, F, H, J and L are 64*T1; D is 32 s on UDP; I and K are T4 on UDP. Zero waits on TCP.
/// </summary>
/// <param name="T1">Round-trip estimate (default 500 ms).</param>
/// <param name="T2">Maximum retransmission interval for non-INVITE requests and INVITE responses (default 4 s).</param>
/// <param name="T4">Maximum time a message stays in the network (default 5 s).</param>
public sealed record SipTimerSettings(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    public static readonly SipTimerSettings Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>64*T1: Timers B, F, H, J and L (32 s by default).</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer D: how long a client INVITE transaction absorbs retransmitted final responses on UDP.</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(32) > TransactionTimeout ? TransactionTimeout : TimeSpan.FromSeconds(32);

    /// <summary>The next retransmission interval: double, capped at <paramref name="cap"/>.</summary>
    public static TimeSpan Next(TimeSpan current, TimeSpan cap) => current * 2 > cap ? cap : current * 2;
}
