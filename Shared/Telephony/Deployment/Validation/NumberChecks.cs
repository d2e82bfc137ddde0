using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>Every number in the file normalises to E.164, and no called number is on two inbound trunks.</summary>
internal static class NumberChecks
{
    public static void Run(ValidationContext context)
    {
        var file = context.File;
        foreach (var trunk in file.InboundTrunks)
        {
            context.Numbers(trunk.Numbers);
            context.Numbers(trunk.AllowedNumbers);
        }
        foreach (var trunk in file.OutboundTrunks)
        {
            context.Numbers(trunk.Numbers);
        }
        foreach (var rule in file.DispatchRules)
        {
            context.Numbers(rule.Numbers);
            context.Numbers(rule.CallerNumbers);
        }
        if (file.ControlPlane?.FallbackNumber is { } fallback)
        {
            context.Number(fallback);
        }

        ReportDuplicateInboundNumbers(context);
        ReportSeveralDefaultTrunks(context);
    }

    private static void ReportDuplicateInboundNumbers(ValidationContext context)
    {
        var owners = new Dictionary<string, (int Trunk, string Name)>(StringComparer.Ordinal);
        var reported = new HashSet<(string Number, int Trunk)>();
        var trunks = context.File.InboundTrunks;
        for (var t = 0; t < trunks.Count; t++)
        {
            var trunk = trunks[t];
            foreach (var written in trunk.Numbers)
            {
                if (context.Number(written) is not { } number)
                {
                    continue;
                }
                var name = ValidationContext.NameOf(trunk.Name);
                if (!owners.TryGetValue(number.E164, out var first))
                {
                    owners[number.E164] = (t, name);
                    continue;
                }
                if (first.Trunk == t || CallersAreDisjoint(context, trunks[first.Trunk], trunk) || !reported.Add((number.E164, t)))
                {
                    continue;
                }
                context.Error(DiagnosticCodes.DuplicateInboundNumber, written.Position,
                    $"{number.E164} is on inbound trunks '{first.Name}' and '{name}'",
                    "Both trunks match every call to this number, so LiveKit answers the bridge's trunk lookup with "
                    + "\"Multiple SIP Trunks matched\"; the bridge logs \"Rejecting inbound, auth check failed\" and the caller "
                    + "gets 503. Keep the number on one trunk (or give the trunks disjoint allowed_numbers).");
            }
        }
    }

    /// <summary>Two trunks with the same number are told apart when both list their callers and share none.</summary>
    private static bool CallersAreDisjoint(ValidationContext context, Model.InboundTrunk a, Model.InboundTrunk b)
    {
        if (a.AllowedNumbers.Count == 0 || b.AllowedNumbers.Count == 0)
        {
            return false;
        }
        return !context.Numbers(a.AllowedNumbers).Intersect(context.Numbers(b.AllowedNumbers)).Any();
    }

    private static void ReportSeveralDefaultTrunks(ValidationContext context)
    {
        var defaults = context.File.InboundTrunks.Where(t => t.Numbers.Count == 0).ToArray();
        foreach (var trunk in defaults.Skip(1))
        {
            context.Error(DiagnosticCodes.DuplicateInboundNumber, trunk.Position,
                $"inbound trunks '{ValidationContext.NameOf(defaults[0].Name)}' and '{ValidationContext.NameOf(trunk.Name)}' both have no numbers",
                "A trunk without numbers is the default for every called number; with two of them LiveKit answers "
                + "\"Multiple default SIP Trunks matched\", the bridge logs \"Rejecting inbound, auth check failed\" and callers get 503. "
                + "List the numbers on at least one of them.");
        }
    }
}
