using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Acts on the control plane's answer to a call event: when <see cref="FinishedCallRule"/> says the call is finished
/// over there and the call is still live here, hangs it up (BYE, media released; the agent's session ends as its audio
/// stops) with <see cref="CallEndReason.ControlPlaneFinished"/>, which its hangup report carries to the call's timeline.
/// </summary>
public sealed class FinishedCallHangUp(LiveCallSessions calls, ILogger<FinishedCallHangUp> logger)
{
    /// <summary>Calls hung up because the control plane had already finished them.</summary>
    public long HungUp => Interlocked.Read(ref _hungUp);

    private long _hungUp;

    /// <returns>True when the call was hung up.</returns>
    public async Task<bool> OnAnswerAsync(AgentEventMessage sent, string? answerStatus)
    {
        if (!FinishedCallRule.HangsUp(sent.Type, answerStatus) || !calls.TryGetLive(sent.CallId, out var session))
        {
            return false;
        }
        ControlPlaneLog.HangingUpFinishedCall(logger, sent.CallId, sent.Type.ToString());
        try
        {
            await session.HangUpAsync(CallEndReason.ControlPlaneFinished, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ControlPlaneLog.FinishedCallHangUpFailed(logger, sent.CallId, e.GetType().Name);
            return false;
        }
        Interlocked.Increment(ref _hungUp);
        return true;
    }
}
