namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Direct mode's in-call wait. No LiveKit tells us when the MediaHost dies, so its silence is the signal: the call is
/// presumed lost when the MediaHost reported nothing for the configured silence timeout.
/// </summary>
internal sealed class DirectCallWait(CallRun run)
{
    /// <summary>True when the call ended, false at the max duration, null when the MediaHost went silent.</summary>
    public async Task<bool?> UntilEndAsync(DateTime maxDurationDeadline)
    {
        var silence = run.Start.Settings.DirectSilenceTimeout;
        while (!run.CallEnded)
        {
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
}
