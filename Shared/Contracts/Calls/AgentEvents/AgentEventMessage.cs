using VoiceFunctions.Shared.Calls.Quality;

namespace VoiceFunctions.Shared.Calls.AgentEvents;

/// <summary>
/// One event the MediaHost posts to <c>POST /calls/{callId}/events</c>. The body is JSON
/// (camelCase) and is signed like a LiveKit webhook: <c>Authorization: Bearer &lt;JWT&gt;</c>, HS256
/// with the agent-events key, whose <c>sha256</c> claim is the base64 SHA-256 of the body. The
/// <see cref="Id"/> is unique per event (a retry repeats it), and <see cref="CallId"/> must match
/// the URL, so a captured request cannot be replayed, nor aimed at another call.
/// </summary>
public sealed record AgentEventMessage
{
    public required string Id { get; init; }
    public required string CallId { get; init; }
    public required AgentEventType Type { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public CallTurn? Turn { get; init; }
    public string? TransferTo { get; init; }
    public string? Error { get; init; }
    public string? Summary { get; init; }
    /// <summary>On a hangup: who ended the call (the caller's BYE or the agent); absent means the agent.</summary>
    public CallEndReason? EndReason { get; init; }
    /// <summary>On an answered event in direct mode: the caller's and the called SIP users (no LiveKit to say who).</summary>
    public string? Caller { get; init; }
    public string? Called { get; init; }
    /// <summary>On an answered event: the agent profile that answers (voice.yaml agents: "default" or a profile id). Optional.</summary>
    public string? AgentProfile { get; init; }
    /// <summary>On an answered event of a call we placed with answering-machine detection: "human" or "machine". Optional.</summary>
    public string? AnsweredBy { get; init; }
    /// <summary>On an answered event: the id of the MediaHost that serves the call (its heartbeat's host id). Optional.</summary>
    public string? MediaHostId { get; init; }
    /// <summary>
    /// The call's SIP messages so far (a summary: method or status, direction, time), on answered and hangup events.
    /// Optional and additive: an older control plane ignores it, an older MediaHost leaves it out. Each report carries
    /// the whole summary so far, so a lost report costs nothing; the control plane stores each message once.
    /// </summary>
    public IReadOnlyList<SipMessageSummary>? Sip { get; init; }
    /// <summary>On a recording event: the recording's state (uploaded with its location, duration and size; or an upload attempt's failure).</summary>
    public CallRecording? Recording { get; init; }
    /// <summary>On a quality event: the audio quality per direction so far (totals since the media started).</summary>
    public CallMediaQuality? Quality { get; init; }
}
