namespace VoiceFunctions.Shared.Calls.Timeline;

/// <summary>
/// Which part of the system a timeline entry comes from (JSON: the name). Entries at the same instant are
/// ordered in this order: a cause (a webhook, a SIP message, the MediaHost's report) before the step it causes.
/// </summary>
public enum TimelineSource
{
    /// <summary>A LiveKit webhook the control plane received.</summary>
    Webhook,
    /// <summary>A SIP message the MediaHost sent or received (a summary: method or status, never headers).</summary>
    Sip,
    /// <summary>An event the MediaHost reported (answered, transfer, error, hangup, summary).</summary>
    Agent,
    /// <summary>A step of the call's orchestration (record, dispatch, answered, fallback, end, finalize).</summary>
    Orchestration,
    /// <summary>A conversation turn with its latencies (from the call's stored turns).</summary>
    Turn,
}
