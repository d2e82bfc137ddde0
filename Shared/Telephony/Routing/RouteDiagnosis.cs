namespace VoiceFunctions.Shared.Telephony.Routing;

/// <summary>
/// Explains a simulated inbound call in the terms an operator sees: what the caller hears and what the
/// SIP bridge logs, and the likely fix. Pure text over an <see cref="InboundCallResult"/>.
/// </summary>
public sealed record RouteDiagnosis(bool Reaches, string Evidence, string? Cause, string? Fix)
{
    public static RouteDiagnosis Explain(InboundCallResult result, string called, string source)
    {
        var call = $"INVITE from {source} to {called}";
        switch (result.Outcome)
        {
            case TrunkMatchOutcome.AmbiguousNumber:
                return new(false, $"{call}: trunks {Names(result.Trunks)} all serve this number",
                    "LiveKit answers the trunk lookup with \"Multiple SIP Trunks matched\"; the bridge logs \"Rejecting inbound, auth check failed\" and the caller gets 503 Try again later (not a password problem).",
                    "Keep the number on one inbound trunk (voice.yaml), then voicectl sip apply.");
            case TrunkMatchOutcome.AmbiguousDefault:
                return new(false, $"{call}: default trunks {Names(result.Trunks)} (no numbers) all match",
                    "LiveKit answers \"Multiple default SIP Trunks matched\"; the bridge logs \"Rejecting inbound, auth check failed\" and the caller gets 503.",
                    "List the numbers on the trunks, leaving at most one default trunk.");
        }

        var trunk = result.Trunk;
        var via = trunk is null ? "no trunk (LiveKit goes on with none)" : $"trunk '{trunk.Name}'";
        var why = result.Reasons.Count > 0 ? " (" + string.Join("; ", result.Reasons) + ")" : "";
        if (result.Rules.Count == 0)
        {
            return new(false, $"{call}: matches {via}{why}, and no dispatch rule",
                "LiveKit answers the bridge's dispatch request with DROP: the caller hears ringing (100/180) then a timeout, with no final SIP response; the bridge logs only \"Rejecting inbound flood\" at debug level.",
                trunk is null
                    ? "Add the provider's address to the trunk's allowed_addresses (or fix the number), or a dispatch rule without trunks."
                    : $"Add a dispatch rule for trunk '{trunk.Name}' (dispatch-rule numbers must equal the To user exactly), then apply.");
        }

        var rule = result.Rules[0];
        var auth = trunk?.HasDigestAuth == true
            ? "; digest auth required: the provider must answer LiveKit's 407 with Proxy-Authorization, otherwise callers get 407/401 and nothing reaches the room"
            : "";
        return new(true, $"{call}: trunk {(trunk is null ? "(none)" : $"'{trunk.Name}'")} -> rule '{rule.Name}'{auth}", null, null);
    }

    private static string Names(IReadOnlyList<RoutingTrunk> trunks) => string.Join(", ", trunks.Select(t => $"'{t.Name}'"));
}
