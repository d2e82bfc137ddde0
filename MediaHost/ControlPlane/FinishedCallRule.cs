using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Whether the control plane's answer to one of our call events means the call must be hung up here: it answered
/// <see cref="ControlPlaneEventAnswer.CallAlreadyFinished"/> to an event we send while the call is in progress (its
/// answer, a turn, a quality report, an error, a transfer request). The callee is then talking to an agent whose call the
/// control plane has settled — e.g. a placed call answered after its dial ran out of time and was written as not
/// answered — with no orchestration, no record updates and no billing trail. The events we send once the call is over
/// (its hangup, its summary, its recording) are legitimately late and their CallAlreadyFinished changes nothing.
/// Pure: the caller still checks that the call is live on this host.
/// </summary>
public static class FinishedCallRule
{
    public static bool HangsUp(AgentEventType sent, string? answerStatus) =>
        answerStatus == ControlPlaneEventAnswer.CallAlreadyFinished && SentDuringTheCall(sent);

    private static bool SentDuringTheCall(AgentEventType type) => type switch
    {
        AgentEventType.Answered or AgentEventType.Turn or AgentEventType.Quality or AgentEventType.Error or AgentEventType.Transfer => true,
        // Sent after the end (or as it ends): the control plane has finished the call because we told it so.
        AgentEventType.Hangup or AgentEventType.Summary or AgentEventType.Recording => false,
        _ => false,
    };
}
