namespace VoiceFunctions.Shared.Telephony.Routing;

/// <summary>What LiveKit would do with one INVITE: the trunk it matches and the dispatch rules that apply, best first.</summary>
public sealed record InboundCallResult(
    TrunkMatchOutcome Outcome,
    IReadOnlyList<RoutingTrunk> Trunks,
    IReadOnlyList<RoutingRule> Rules,
    IReadOnlyList<string> Reasons)
{
    public RoutingTrunk? Trunk => Outcome == TrunkMatchOutcome.Matched ? Trunks[0] : null;

    /// <summary>The call reaches a room only when trunk matching did not fail and a rule applies.</summary>
    public bool ReachesRoom => Outcome is TrunkMatchOutcome.Matched or TrunkMatchOutcome.NoTrunk && Rules.Count > 0;
}
