using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>Each dispatch rule is complete for its type, can match some call, and does not overlap another.</summary>
internal static class DispatchChecks
{
    public static void Run(ValidationContext context)
    {
        foreach (var rule in context.File.DispatchRules)
        {
            CheckShape(context, rule);
            CheckCanMatch(context, rule);
            CheckCallersCanReach(context, rule);
            if (rule.Numbers.Count > 0 || rule.CallerNumbers.Count > 0)
            {
                var first = rule.Numbers.Concat(rule.CallerNumbers).First();
                context.Warning(DiagnosticCodes.ExactDispatchNumber, first.Position,
                    $"dispatch rule '{ValidationContext.NameOf(rule.Name)}' filters by number; LiveKit compares these exactly",
                    "Unlike trunk numbers, dispatch-rule numbers are not normalised: voicectl stores them in E.164 (+7...), so a provider "
                    + "that sends 7... or 8... in the To/From user never matches this rule and the call is dropped. Prefer selecting by trunk.");
            }
        }
        CheckOverlaps(context);
    }

    private static void CheckShape(ValidationContext context, DispatchRule rule)
    {
        var name = ValidationContext.NameOf(rule.Name);
        if (rule.Type?.Value == DispatchRuleType.Direct && string.IsNullOrWhiteSpace(rule.RoomName?.Value))
        {
            context.Error(DiagnosticCodes.MissingKey, rule.Type.Position, $"direct dispatch rule '{name}' has no room_name",
                "A direct rule puts every call into one named room.");
        }
        if (rule.Type?.Value is DispatchRuleType.Individual or DispatchRuleType.Callee && rule.RoomName is { } roomName)
        {
            context.Error(DiagnosticCodes.InvalidValue, roomName.Position,
                $"room_name only applies to direct rules; '{name}' is {ConfigModel.EnumName(rule.Type.Value)}",
                "Use room_prefix: rooms are named <prefix>_<number>.");
        }
        if (rule.Pin is { } pin && (pin.Value.Length is 0 or > 16 || !pin.Value.All(char.IsAsciiDigit)))
        {
            context.Error(DiagnosticCodes.InvalidValue, pin.Position, $"pin of dispatch rule '{name}' must be 1 to 16 digits",
                "The bridge collects DTMF digits until # (at most 16).");
        }
    }

    /// <summary>A rule whose callers none of its trunks admit can never match: the trunk lookup drops those callers first.</summary>
    private static void CheckCallersCanReach(ValidationContext context, DispatchRule rule)
    {
        var callers = context.Numbers(rule.CallerNumbers);
        if (callers.Count == 0 || rule.Trunks.Count == 0)
        {
            return;
        }
        var trunks = context.File.InboundTrunks.Where(t => rule.Trunks.Any(r => r.Value == t.Name?.Value)).ToList();
        if (trunks.Count == 0 || trunks.Any(t => t.AllowedNumbers.Count == 0))
        {
            return;
        }
        var admitted = trunks.SelectMany(t => context.Numbers(t.AllowedNumbers)).ToHashSet(StringComparer.Ordinal);
        if (!callers.Any(admitted.Contains))
        {
            context.Error(DiagnosticCodes.RuleNeverMatches, rule.CallerNumbers[0].Position,
                $"dispatch rule '{ValidationContext.NameOf(rule.Name)}' can never match: its trunks admit none of its caller_numbers",
                $"The trunks' allowed_numbers ({string.Join(", ", admitted)}) refuse these callers before any rule is looked at.");
        }
    }

    /// <summary>A rule whose called numbers none of its trunks serve can never match.</summary>
    private static void CheckCanMatch(ValidationContext context, DispatchRule rule)
    {
        var numbers = context.Numbers(rule.Numbers);
        if (numbers.Count == 0)
        {
            return;
        }
        var trunks = rule.Trunks.Count == 0
            ? context.File.InboundTrunks
            : context.File.InboundTrunks.Where(t => rule.Trunks.Any(r => r.Value == t.Name?.Value)).ToList();
        if (trunks.Count == 0 || trunks.Any(t => t.Numbers.Count == 0))
        {
            return;
        }
        var served = trunks.SelectMany(t => context.Numbers(t.Numbers)).ToHashSet(StringComparer.Ordinal);
        foreach (var written in rule.Numbers)
        {
            if (context.Number(written) is { } number && !served.Contains(number.E164))
            {
                context.Error(DiagnosticCodes.RuleNeverMatches, written.Position,
                    $"dispatch rule '{ValidationContext.NameOf(rule.Name)}' can never match {number.E164}",
                    rule.Trunks.Count == 0
                        ? "No inbound trunk serves this number, so no call to it reaches dispatch with a trunk."
                        : $"None of its trunks ({string.Join(", ", rule.Trunks.Select(t => t.Value))}) serves this number.");
            }
        }
    }

    /// <summary>Two rules overlap when some trunk + called number + caller number + pin combination selects both:
    /// LiveKit refuses the second at create time ("Conflicting SIP Dispatch Rules").</summary>
    private static void CheckOverlaps(ValidationContext context)
    {
        var owners = new Dictionary<string, DispatchRule>(StringComparer.Ordinal);
        foreach (var rule in context.File.DispatchRules)
        {
            var reported = false;
            foreach (var key in MatchKeys(context, rule))
            {
                if (owners.TryGetValue(key, out var other) && other != rule)
                {
                    if (!reported)
                    {
                        context.Error(DiagnosticCodes.RulesOverlap, rule.Name?.Position ?? rule.Position,
                            $"dispatch rules '{ValidationContext.NameOf(other.Name)}' and '{ValidationContext.NameOf(rule.Name)}' match the same calls",
                            "They have the same trunks, called numbers, caller numbers and pin, so neither is more specific: "
                            + "LiveKit rejects the second one (\"Conflicting SIP Dispatch Rules\"). Narrow one of them or merge them.");
                        reported = true;
                    }
                    continue;
                }
                owners[key] = rule;
            }
        }
    }

    private static IEnumerable<string> MatchKeys(ValidationContext context, DispatchRule rule)
    {
        string[] trunks = rule.Trunks.Count == 0 ? ["*"] : rule.Trunks.Select(t => t.Value).Distinct().ToArray();
        var numbers = rule.Numbers.Count == 0 ? ["*"] : context.Numbers(rule.Numbers);
        var callers = rule.CallerNumbers.Count == 0 ? ["*"] : context.Numbers(rule.CallerNumbers);
        var pin = rule.Pin?.Value ?? "";
        return from t in trunks from n in numbers from c in callers select $"{t}|{n}|{c}|{pin}";
    }
}
