using VoiceFunctions.Shared.Telephony.Deployment.Parsing;
using VoiceFunctions.Shared.Telephony.Routing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>Every number an inbound trunk serves reaches a room: a call that no dispatch rule takes is
/// dropped by the bridge without any final SIP response.</summary>
internal static class InboundRoutingChecks
{
    private const string Dropped =
        "LiveKit answers the bridge's dispatch request with DROP: the caller hears ringing (100/180) and then a timeout, "
        + "with no final SIP response; the bridge logs only \"Rejecting inbound flood\" at debug level. ";

    public static void Run(ValidationContext context)
    {
        var trunks = DeploymentRouting.Trunks(context.File);
        var rules = DeploymentRouting.Rules(context.File);
        foreach (var trunk in context.File.InboundTrunks)
        {
            var routing = DeploymentRouting.ToRouting(trunk);
            if (trunk.Numbers.Count == 0)
            {
                var anyRule = rules.Any(r => (r.TrunkIds.Count == 0 || r.TrunkIds.Contains(routing.Id)) && r.Numbers.Count == 0);
                if (!anyRule)
                {
                    context.Error(DiagnosticCodes.NumberNotDispatched, trunk.Name?.Position ?? trunk.Position,
                        $"no dispatch rule takes calls of default trunk '{routing.Name}'",
                        Dropped + "Add a rule without numbers that names this trunk (or no trunks).");
                }
                continue;
            }

            foreach (var written in trunk.Numbers)
            {
                if (context.Number(written) is not { } number)
                {
                    continue;
                }
                var result = InboundCallSimulator.Simulate(trunks, rules, number.E164, caller: null, source: null);
                if (result.Outcome != TrunkMatchOutcome.Matched || result.Trunk!.Id != routing.Id)
                {
                    continue; // Ambiguous trunks are reported by NumberChecks.
                }
                if (result.Rules.Count == 0)
                {
                    context.Error(DiagnosticCodes.NumberNotDispatched, written.Position,
                        $"no dispatch rule takes calls to {number.E164} on trunk '{routing.Name}'",
                        Dropped + $"Add a dispatch rule with trunks: [{routing.Name}] (or no trunks).");
                }
                else if (result.Rules.All(r => r.CallerNumbers.Count > 0))
                {
                    context.Warning(DiagnosticCodes.NumberNotDispatched, written.Position,
                        $"only listed callers reach a room when they call {number.E164}",
                        Dropped + "That happens to every other caller. Add a rule without caller_numbers if others should get through.");
                }
            }
        }
    }
}
