using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Turns what happens on a call (answered, each turn, an error, the end) into AgentEvents messages and queues
/// them for <see cref="ControlPlaneEventSender"/>. Never throws and never waits: it runs on the call's path.
/// The answered and hangup events carry the call's SIP summary so far from <see cref="SipCallTrace"/> (when tracing).
/// </summary>
public sealed class CallEventReporter(CallEventQueue queue, TimeProvider time, ILogger<CallEventReporter> logger, SipCallTrace? trace = null) : ITurnReporter
{
    /// <summary>How long the hangup report waits for the answer to our BYE, so the timeline shows it.</summary>
    public static readonly TimeSpan ByeAnswerWait = TimeSpan.FromSeconds(2);

    public void Answered(string sipCallId, string caller, string called) =>
        Enqueue(Message(sipCallId, AgentEventType.Answered, "answered") with { Caller = caller, Called = called, Sip = SipSummary(sipCallId) });

    /// <summary>Waits (bounded) until the call's SIP exchange has settled: the answer to our BYE, if we sent one.</summary>
    public Task SipSettledAsync(string sipCallId, CancellationToken cancellationToken) =>
        trace?.WaitForByeAnswerAsync(sipCallId, ByeAnswerWait, cancellationToken) ?? Task.CompletedTask;

    public void Error(string sipCallId, string error) =>
        Enqueue(Message(sipCallId, AgentEventType.Error, "error-" + Guid.NewGuid().ToString("N")[..8]) with { Error = error });

    public void HungUp(string sipCallId, CallEndReason reason)
    {
        Enqueue(Message(sipCallId, AgentEventType.Hangup, "hangup") with { EndReason = reason, Sip = SipSummary(sipCallId) });
        trace?.Forget(sipCallId);
    }

    private IReadOnlyList<SipMessageSummary>? SipSummary(string sipCallId) =>
        trace?.Snapshot(sipCallId) is { Count: > 0 } summary ? summary : null;

    public ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        var callId = ControlPlaneCallIds.For(turn.CallId);
        Enqueue(Message(turn.CallId, AgentEventType.Turn, "turn-" + turn.TurnIndex) with
        {
            Turn = new CallTurn
            {
                CallId = callId,
                Sequence = Math.Max(1, turn.TurnIndex),
                CallerText = turn.UserText,
                AgentText = turn.AgentText,
                StartedAt = turn.StartedAt,
                ResponseLatencyMs = Ms(turn.VoiceToVoice),
                SttMs = Ms(turn.SttLatency),
                LlmFirstTokenMs = Ms(turn.LlmTimeToFirstToken),
                TtsFirstAudioMs = Ms(turn.TtsTimeToFirstAudio),
                Interrupted = turn.Interrupted,
            },
        });
        if (turn.Error is { } error)
        {
            Error(turn.CallId, error);
        }
        return ValueTask.CompletedTask;
    }

    private AgentEventMessage Message(string sipCallId, AgentEventType type, string suffix)
    {
        var callId = ControlPlaneCallIds.For(sipCallId);
        // Unique per event and stable across the sender's retries (the control plane drops repeats by id).
        return new AgentEventMessage { Id = $"mh-{callId}-{suffix}", CallId = callId, Type = type, OccurredAt = time.GetUtcNow() };
    }

    private void Enqueue(AgentEventMessage message)
    {
        if (!queue.TryEnqueue(message))
        {
            ControlPlaneLog.EventDropped(logger, message.Type.ToString(), message.CallId);
        }
    }

    private static int? Ms(TimeSpan? span) => span is { } s ? (int)Math.Round(s.TotalMilliseconds) : null;
}
