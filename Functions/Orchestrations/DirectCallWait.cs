namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Direct mode's in-call wait. No LiveKit tells us when the MediaHost dies: its heartbeat monitor says so
/// (<see cref="MediaHosts.MediaHostMonitor"/>, within seconds), and failing that its silence: the call is presumed lost when
/// the MediaHost reported nothing (no event, no quality report) for the configured silence timeout.
/// </summary>
internal sealed class DirectCallWait(CallRun run)
{
    /// <summary>True when the call ended, false at the max duration, null when the MediaHost was lost or went silent.</summary>
    public async Task<bool?> UntilEndAsync(DateTime maxDurationDeadline)
    {
        var silence = run.Start.Settings.DirectSilenceTimeout;
        while (!run.CallEnded)
        {
            if (run.State.MediaHostLost is not null)
            {
                return null;
            }
            var silenceDeadline = run.Now + silence;
            var deadline = silenceDeadline < maxDurationDeadline ? silenceDeadline : maxDurationDeadline;
            if (await run.ApplyNextAsync(deadline) is null)
            {
                return deadline == maxDurationDeadline ? false : null;
            }
            run.SetStatus(CallPhase.InCall);
        }
        return true;
    }

    /// <summary>Why a call whose wait returned null is presumed lost.</summary>
    public static string LostReason(CallRun run) => run.State.MediaHostLost
        ?? $"the MediaHost reported nothing for {run.Start.Settings.DirectSilenceTimeout.TotalSeconds:0} s; it is presumed lost";
}
