using System.Security.Cryptography;
using System.Text;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Keeps a short summary of each call's SIP messages (method or status, direction, time) for the control plane's
/// call timeline. Only those fields are copied out of a message: headers (Authorization, Proxy-Authorization,
/// WWW-Authenticate...), bodies and reason phrases never enter the summary. A leg is traced from the INVITE that
/// opens it; at most <see cref="SipMessageSummary.MaxPerLeg"/> messages per leg and <see cref="MaxLegs"/> legs are
/// kept (the oldest leg is forgotten first), so a flood cannot grow it without bound.
/// </summary>
public sealed class SipCallTrace(TimeProvider time) : ISipMessageObserver
{
    public const int MaxLegs = 2000;

    private readonly object _gate = new();
    private readonly Dictionary<string, Leg> _legs = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Observe(SipMessage message, bool sent)
    {
        if (message.CallId is not { } callId)
        {
            return;
        }
        lock (_gate)
        {
            if (!_legs.TryGetValue(callId, out var leg))
            {
                if (!(message.Method == "INVITE" && message.To?.Tag is null))
                {
                    return; // not a call we saw begin (OPTIONS pings, strays, scanners' noise)
                }
                leg = Start(callId);
            }
            if (leg.Messages.Count >= SipMessageSummary.MaxPerLeg)
            {
                return;
            }
            var cseqMethod = MethodName(message.TransactionMethod);
            leg.Messages.Add(new SipMessageSummary
            {
                Leg = leg.Id,
                Sequence = leg.Messages.Count + 1,
                At = time.GetUtcNow(),
                Direction = sent ? SipMessageDirection.Sent : SipMessageDirection.Received,
                Method = message.IsRequest ? MethodName(message.Method) : null,
                Status = message.IsRequest ? null : message.StatusCode,
                CSeqMethod = cseqMethod,
            });
            if (sent && message.Method == "BYE")
            {
                leg.ByeAnswered ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else if (!sent && !message.IsRequest && message.StatusCode >= 200 && cseqMethod == "BYE")
            {
                leg.ByeAnswered?.TrySetResult();
            }
        }
    }

    /// <summary>The leg's messages so far, oldest first (empty when the call was not traced).</summary>
    public IReadOnlyList<SipMessageSummary> Snapshot(string sipCallId)
    {
        lock (_gate)
        {
            return _legs.TryGetValue(sipCallId, out var leg) ? [.. leg.Messages] : [];
        }
    }

    /// <summary>
    /// When we sent a BYE on the leg, waits (at most <paramref name="timeout"/>) for its final response, so the
    /// last report of the call shows how the hang-up ended. Returns at once when no BYE of ours is pending.
    /// </summary>
    public async Task WaitForByeAnswerAsync(string sipCallId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task? answered;
        lock (_gate)
        {
            answered = _legs.TryGetValue(sipCallId, out var leg) ? leg.ByeAnswered?.Task : null;
        }
        if (answered is null || answered.IsCompleted)
        {
            return;
        }
        try
        {
            await answered.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // No answer to our BYE: the summary shows the BYE without one.
        }
    }

    /// <summary>Drops the leg once its last report is queued.</summary>
    public void Forget(string sipCallId)
    {
        lock (_gate)
        {
            _legs.Remove(sipCallId); // its id stays in the eviction queue and is skipped when it comes up
        }
    }

    /// <summary>The leg's id in reports: a short hash of its Call-ID (the Call-ID itself stays in the MediaHost).</summary>
    public static string LegId(string sipCallId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sipCallId)), 0, 6);

    private Leg Start(string callId)
    {
        var leg = new Leg(LegId(callId));
        _legs[callId] = leg;
        _order.Enqueue(callId);
        while (_order.Count > MaxLegs)
        {
            _legs.Remove(_order.Dequeue());
        }
        return leg;
    }

    // The control plane accepts upper-case letters only: anything else a peer sent is reported as OTHER.
    private static string MethodName(string? method) =>
        method is { Length: > 0 and <= 16 } m && m.All(char.IsAsciiLetterUpper) ? m : "OTHER";

    private sealed class Leg(string id)
    {
        public string Id { get; } = id;
        public List<SipMessageSummary> Messages { get; } = [];
        public TaskCompletionSource? ByeAnswered { get; set; }
    }
}
