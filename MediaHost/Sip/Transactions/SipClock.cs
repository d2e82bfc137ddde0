namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>
/// Timers for the SIP stack on the injected <see cref="TimeProvider"/>. Every callback runs under the stack's one
/// lock (<see cref="SipLock"/>), so protocol state is never touched by two threads at once (and fake time drives it
/// deterministically); what a callback sends leaves once the lock is released.
/// </summary>
public sealed class SipClock(TimeProvider time, SipTimerSettings timers, SipLock stackLock)
{
    public TimeProvider Time => time;

    public SipTimerSettings Timers => timers;

    /// <summary>Runs <paramref name="callback"/> once after <paramref name="due"/>, under the stack lock.</summary>
    public ITimer Once(TimeSpan due, Action callback) =>
        time.CreateTimer(_ => stackLock.Run(callback), null, due, Timeout.InfiniteTimeSpan);
}
