using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// What the orchestrator knows about a call, folded from its events. Applying the same event twice,
/// or events out of order, leaves a consistent state: flags only go from false to true and the first
/// answer time wins.
/// </summary>
internal sealed class CallState
{
    public CallState(CallStart start)
    {
        Caller = start.Caller;
        // In direct mode the MediaHost's first event is its answer.
        AnsweredAt = start.Direct ? start.StartedAt : null;
    }

    public CallerInfo? Caller { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public bool CallerLeft { get; private set; }
    public bool AgentLeft { get; private set; }
    public bool RoomFinished { get; private set; }
    public int Turns { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The caller's transfer to a human, done by the MediaHost's REFER or asked of the control plane (null: none).</summary>
    public CallTransferState? Transfer { get; private set; }
    /// <summary>The room's recording as last reported by LiveKit (folded: out-of-order reports never regress it).</summary>
    public CallRecording? Recording { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Why the call's MediaHost is presumed lost, from its heartbeat monitor (null: not lost).</summary>
    public string? MediaHostLost { get; private set; }

    /// <summary>Whether the call is over from the caller's side (nothing left to answer).</summary>
    public bool CallerGone => CallerLeft || RoomFinished;

    public void Apply(CallEvent e)
    {
        switch (e.Kind)
        {
            case CallEventKind.CallerJoined:
                Caller ??= e.Caller;
                break;
            case CallEventKind.AgentAnswered:
                AnsweredAt ??= e.OccurredAt;
                break;
            case CallEventKind.CallerLeft:
                MarkEnded(e);
                CallerLeft = true;
                break;
            case CallEventKind.RoomFinished:
                MarkEnded(e);
                RoomFinished = true;
                break;
            case CallEventKind.AgentLeft:
                // An agent leg that left before answering is a failed attempt, not the end of the call.
                if (AnsweredAt is not null)
                {
                    MarkEnded(e);
                    AgentLeft = true;
                }
                break;
            case CallEventKind.Turn:
                Turns++;
                break;
            case CallEventKind.Transferred:
                Transfer = CallTransferState.Fold(Transfer, TransferMode.Referred, e.Detail);
                break;
            case CallEventKind.TransferRequested when e.Detail is not null: // a request names where to
                Transfer = CallTransferState.Fold(Transfer, TransferMode.Requested, e.Detail);
                break;
            case CallEventKind.AgentError:
                LastError = e.Detail;
                break;
            case CallEventKind.MediaHostLost:
                MediaHostLost ??= e.Detail ?? "the MediaHost is presumed lost";
                break;
            case CallEventKind.RecordingUpdated when e.Recording is not null:
                Recording = CallRecording.Fold(Recording, e.Recording);
                break;
        }
    }

    private void MarkEnded(CallEvent e)
    {
        if (EndedAt is null || e.OccurredAt < EndedAt)
        {
            EndedAt = e.OccurredAt;
        }
    }
}
