using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The calls in progress, by dialog (Call-ID and our tag), and the questions the user agent asks of them when routing.
/// Used under the stack lock only.
/// </summary>
internal sealed class SipCallTable(SipMetrics metrics)
{
    private readonly Dictionary<string, ISipCallLeg> _legs = [];

    public int Count => _legs.Count;

    public IReadOnlyList<ISipCallSignalling> All => [.. _legs.Values.OfType<ISipCallSignalling>()];

    public void Add(ISipCallLeg leg)
    {
        _legs[leg.Key] = leg;
        metrics.CallStarted();
    }

    /// <summary>A leg's dialog is over (called by the leg).</summary>
    public void Remove(ISipCallLeg leg)
    {
        _legs.Remove(leg.Key);
        metrics.CallEnded();
    }

    /// <summary>The call an in-dialog request belongs to: our tag is in its To.</summary>
    public ISipCallLeg? ForRequest(SipMessage request) =>
        request.To?.Tag is { } tag && _legs.TryGetValue(request.CallId + "|" + tag, out var leg) ? leg : null;

    /// <summary>The call a response to our request belongs to: our tag is in its From.</summary>
    public ISipCallLeg? ForResponse(SipMessage response) =>
        response.From?.Tag is { } tag && _legs.TryGetValue(response.CallId + "|" + tag, out var leg) ? leg : null;

    /// <summary>
    /// True for an INVITE without a To tag whose Call-ID, From tag and CSeq are those of a call we already have, arriving
    /// in another transaction (a different Via branch; a true retransmission never gets here, its transaction absorbs it).
    /// </summary>
    public bool IsMergedRequest(SipMessage invite) =>
        _legs.Values.OfType<SipInboundLeg>().Any(call => call.IsSameInvite(invite.CallId, invite.From?.Tag, invite.CSeq?.Number));

    /// <summary>The received call whose INVITE is in <paramref name="transaction"/>, if it is still here.</summary>
    public SipInboundLeg? RingingIn(SipServerTransaction transaction) =>
        _legs.Values.OfType<SipInboundLeg>().FirstOrDefault(call => ReferenceEquals(call.InviteTransaction, transaction));
}
