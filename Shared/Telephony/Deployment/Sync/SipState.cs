using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>
/// Trunks and dispatch rules: what LiveKit holds (read by <see cref="SipStateReader"/>, rules referring to
/// trunks by id) or what it should hold (from voice.yaml or a backup, rules referring to trunks by name).
/// </summary>
public sealed class SipState
{
    public List<SipInboundTrunkInfo> InboundTrunks { get; set; } = [];

    public List<SipOutboundTrunkInfo> OutboundTrunks { get; set; } = [];

    public List<SipDispatchRuleInfo> DispatchRules { get; set; } = [];

    public bool IsEmpty => InboundTrunks.Count == 0 && OutboundTrunks.Count == 0 && DispatchRules.Count == 0;

    /// <summary>A remote state's rules with trunk ids replaced by trunk names, so it can be compared to a file or restored.</summary>
    public SipState WithTrunkNames()
    {
        var names = InboundTrunks.Select(t => (t.SipTrunkId, t.Name))
            .Concat(OutboundTrunks.Select(t => (t.SipTrunkId, t.Name)))
            .GroupBy(t => t.SipTrunkId).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return new SipState
        {
            InboundTrunks = InboundTrunks,
            OutboundTrunks = OutboundTrunks,
            DispatchRules = DispatchRules.Select(r => CopyWithTrunks(r, r.TrunkIds.Select(id => names.GetValueOrDefault(id, id)).ToList())).ToList(),
        };
    }

    /// <summary>A copy of every field the rule's owner sets (room configuration included) with other trunk references; server timestamps are left out.</summary>
    internal static SipDispatchRuleInfo CopyWithTrunks(SipDispatchRuleInfo rule, List<string> trunks)
    {
        var copy = SipStateJson.Clone(rule);
        copy.TrunkIds = trunks;
        copy.CreatedAt = null;
        copy.UpdatedAt = null;
        return copy;
    }
}
