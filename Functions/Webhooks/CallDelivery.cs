namespace VoiceFunctions.Functions.Webhooks;

/// <summary>What happened to a routed event.</summary>
public enum CallDelivery
{
    /// <summary>The call's orchestration was started (the event's data travelled in its input).</summary>
    Started,
    /// <summary>The event was raised into the running orchestration.</summary>
    Raised,
    /// <summary>The call's orchestration has already finished: a late event, dropped.</summary>
    CallAlreadyFinished,
    /// <summary>No orchestration runs for the call and this event does not start one.</summary>
    UnknownCall,
    /// <summary>No orchestration runs for the call (its state was lost), and this event ended it: the record was finalized directly.</summary>
    ClosedWithoutOrchestration,
    /// <summary>A recording report for a call whose orchestration is over: stored in the call record directly.</summary>
    RecordingStoredAfterEnd,
    /// <summary>No orchestration runs for the call yet; the event is kept for its start (see <see cref="CallRoute.KeepUntilStarted"/>).</summary>
    KeptUntilStarted,
    /// <summary>The call's orchestration is past the point where this event changes anything (see <see cref="RedundantEvents"/>): not raised.</summary>
    NothingNew,
}
