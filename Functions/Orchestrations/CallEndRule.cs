using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// The one rule for how a call ended, used by every place that closes a call: the orchestrator's finalize, the
/// reconciler and the orphaned-call closer. A transfer is its own outcome; a call nobody answered was abandoned by
/// its caller (unless it ran into the maximum duration); an answered call completed, for the cause that ended it.
/// </summary>
public static class CallEndRule
{
    /// <param name="answered">Whether the agent answered the call before it ended.</param>
    /// <param name="cause">What ended it: CallerHangUp, AgentHangUp, RoomClosed, MaxDuration or Transferred.</param>
    public static (CallOutcome Outcome, CallEndReason Reason) Decide(bool answered, CallEndReason cause) => cause switch
    {
        CallEndReason.Transferred => (CallOutcome.Transferred, CallEndReason.Transferred),
        CallEndReason.MaxDuration when !answered => (CallOutcome.Abandoned, CallEndReason.MaxDuration),
        _ when !answered => (CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer),
        _ => (CallOutcome.Completed, cause),
    };

    /// <summary>What an event that ends a call says ended it; null for events that do not end a call.</summary>
    public static (CallEndReason Cause, string Why)? CauseOf(CallEventKind kind) => kind switch
    {
        CallEventKind.CallerLeft => (CallEndReason.CallerHangUp, "the caller hung up"),
        CallEventKind.AgentLeft => (CallEndReason.AgentHangUp, "the agent hung up"),
        CallEventKind.RoomFinished => (CallEndReason.RoomClosed, "LiveKit closed the room"),
        CallEventKind.Transferred => (CallEndReason.Transferred, "the agent transferred the caller to a human"),
        _ => null,
    };
}
