using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Calls.Quality;
using VoiceFunctions.Shared.MediaHosts;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Turns what happens on a call (answered, each turn, an error, the end) into AgentEvents messages and queues
/// them for <see cref="ControlPlaneEventSender"/>. Never throws and never waits: it runs on the call's path.
/// A call is reported under the control plane's id given by <see cref="UseCallId"/> (LiveKit mode: the room's
/// call id from the INVITE), else under the direct-mode id made from its SIP Call-ID.
/// </summary>
public sealed class CallEventReporter(CallEventQueue queue, TimeProvider time, ILogger<CallEventReporter> logger) : ITurnReporter
{
    private readonly ConcurrentDictionary<string, string> _controlPlaneIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MediaHostCall> _live = new(StringComparer.Ordinal);

    /// <summary>This MediaHost's id, named on each answered report (null: not named).</summary>
    public string? HostId { get; init; }

    /// <summary>The calls answered and not yet ended, under their control-plane ids: what the heartbeat lists.</summary>
    public IReadOnlyList<MediaHostCall> LiveCalls => [.. _live.Values];

    /// <summary>Reports the call with this SIP Call-ID under <paramref name="controlPlaneCallId"/> until <see cref="Forget"/>.</summary>
    public void UseCallId(string sipCallId, string controlPlaneCallId) => _controlPlaneIds[sipCallId] = controlPlaneCallId;

    /// <summary>The call is over (its last event is queued): drop its id mapping and its place in the heartbeat.</summary>
    public void Forget(string sipCallId)
    {
        _live.TryRemove(sipCallId, out _);
        _controlPlaneIds.TryRemove(sipCallId, out _);
    }

    /// <summary>The id the control plane knows this call by.</summary>
    public string ControlPlaneCallId(string sipCallId) =>
        _controlPlaneIds.TryGetValue(sipCallId, out var id) ? id : ControlPlaneCallIds.For(sipCallId);

    /// <param name="agentProfile">The agent profile that answers (voice.yaml agents), when profiles are in use.</param>
    /// <param name="answeredBy">On a call we placed with answering-machine detection: "human" or "machine".</param>
    public void Answered(string sipCallId, string caller, string called, string? agentProfile = null, string? answeredBy = null)
    {
        var message = Message(sipCallId, AgentEventType.Answered, "answered") with
        {
            Caller = caller, Called = called, AgentProfile = agentProfile, AnsweredBy = answeredBy, Sip = SipSummary(sipCallId), MediaHostId = HostId,
        };
        _live[sipCallId] = new MediaHostCall(message.CallId, message.OccurredAt);
        Enqueue(message);
    }

    /// <summary>
    /// A call we placed: answering-machine detection heard a machine that is now hung up on. Reported before the hang-up
    /// (an answer of its own id, the agent's later answer repeats the verdict): the hang-up makes LiveKit end the room, and
    /// the control plane must have the answer and its verdict before it finalizes the call on that.
    /// </summary>
    public void MachineDetected(string sipCallId, string caller, string called) =>
        Enqueue(Message(sipCallId, AgentEventType.Answered, "answered-machine") with
        {
            Caller = caller, Called = called, AnsweredBy = "machine", Sip = SipSummary(sipCallId),
        });

    /// <summary>The call's audio quality so far; <paramref name="name"/> ("1", "2"... or "final") keeps each report's id stable across retries.</summary>
    public void Quality(string sipCallId, CallMediaQuality quality, string name) =>
        Enqueue(Message(sipCallId, AgentEventType.Quality, "quality-" + name) with { Quality = quality });

    /// <summary>LiveKit mode: the agent asks the control plane to transfer the caller to <paramref name="target"/>.</summary>
    public void TransferRequested(string sipCallId, string target) =>
        Enqueue(Message(sipCallId, AgentEventType.Transfer, "transfer") with { TransferTo = target });

    public void Error(string sipCallId, string error) =>
        Enqueue(Message(sipCallId, AgentEventType.Error, "error-" + Guid.NewGuid().ToString("N")[..8]) with { Error = error });

    /// <summary>
    /// The call's end, with its SIP summary. When we sent a BYE that is not answered yet, the report is queued once
    /// it is (at most <see cref="ByeAnswerWait"/> later, on another task: this never waits), so the timeline shows
    /// how the hang-up went.
    /// </summary>
    /// <param name="transferredTo">When the call ended by a transfer this host made (direct mode's REFER): where the caller went.</param>
    public void HungUp(string sipCallId, CallEndReason reason, string? transferredTo = null)
    {
        var message = Message(sipCallId, AgentEventType.Hangup, "hangup") with { EndReason = reason, TransferTo = transferredTo };
        if (Trace?.WaitForByeAnswerAsync(sipCallId, ByeAnswerWait, CancellationToken.None) is { IsCompleted: false } answered)
        {
            _ = EnqueueWhenSettledAsync(message, sipCallId, answered);
            return;
        }
        EnqueueFinal(message, sipCallId);
    }

    public ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        var callId = ControlPlaneCallId(turn.CallId);
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
                Providers = TurnProviders(turn.Providers),
                InputTokens = turn.InputTokens,
                OutputTokens = turn.OutputTokens,
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
        var callId = ControlPlaneCallId(sipCallId);
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

    /// <summary>The chains' entries within the bounds the control plane accepts (a turn beyond them would be refused whole).</summary>
    private static CallTurnProvider[] TurnProviders(IReadOnlyList<Providers.Failover.ProviderUse> uses) =>
        uses.TakeLast(CallTurnProvider.MaxPerTurn)
            .Select(u => new CallTurnProvider(u.Stage, Clip(u.Provider, CallTurnProvider.MaxProviderLength)!, Clip(u.Failure, CallTurnProvider.MaxFailureLength)))
            .ToArray();

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

    private static int? Ms(TimeSpan? span) => span is { } s ? (int)Math.Round(s.TotalMilliseconds) : null;

    /// <summary>Where the calls' SIP summaries come from (the answered and hangup reports carry them). Null: none.</summary>
    public SipCallTrace? Trace { get; init; }

    /// <summary>How long the hangup report waits for the answer to our BYE.</summary>
    public static readonly TimeSpan ByeAnswerWait = TimeSpan.FromSeconds(2);

    private async Task EnqueueWhenSettledAsync(AgentEventMessage message, string sipCallId, Task answered)
    {
        await answered.ConfigureAwait(false); // never throws: a timeout just ends the wait
        EnqueueFinal(message, sipCallId);
    }

    private void EnqueueFinal(AgentEventMessage message, string sipCallId)
    {
        Enqueue(message with { Sip = SipSummary(sipCallId) });
        Trace?.Forget(sipCallId);
    }

    private IReadOnlyList<SipMessageSummary>? SipSummary(string sipCallId) =>
        Trace?.Snapshot(sipCallId) is { Count: > 0 } summary ? summary : null;
}
