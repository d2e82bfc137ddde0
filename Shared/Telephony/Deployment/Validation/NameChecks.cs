using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>Names are unique (plan and apply match remote objects by name) and references resolve.</summary>
internal static class NameChecks
{
    public static void Run(ValidationContext context)
    {
        var file = context.File;
        Unique(context, file.InboundTrunks.Select(t => t.Name), "inbound trunk");
        Unique(context, file.OutboundTrunks.Select(t => t.Name), "outbound trunk");
        Unique(context, file.DispatchRules.Select(r => r.Name), "dispatch rule");

        var inboundNames = file.InboundTrunks.Select(t => t.Name?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var outboundNames = file.OutboundTrunks.Select(t => t.Name?.Value).OfType<string>().ToArray();
        foreach (var rule in file.DispatchRules)
        {
            foreach (var trunk in rule.Trunks.Where(t => !inboundNames.Contains(t.Value)))
            {
                var suggestion = EditDistance.ClosestMatch(trunk.Value, inboundNames);
                var isOutbound = outboundNames.Contains(trunk.Value, StringComparer.Ordinal);
                context.Error(DiagnosticCodes.UnknownReference, trunk.Position,
                    $"dispatch rule '{ValidationContext.NameOf(rule.Name)}' names trunk '{trunk.Value}', which is not an inbound trunk of this file"
                    + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"),
                    isOutbound ? "Dispatch rules apply to inbound calls; outbound trunks never reach them." : null);
            }
        }

        if (file.MediaHost?.SipAddress is { } mediaHost
            && !file.OutboundTrunks.Any(t => string.Equals(t.Address?.Value.Trim(), mediaHost.Value.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            context.Warning(DiagnosticCodes.UnknownReference, mediaHost.Position,
                $"no outbound trunk has the MediaHost's address {mediaHost.Value}",
                "The control plane brings the agent into a call by asking LiveKit SIP to dial the MediaHost through an outbound trunk with this address; add one.");
        }
    }

    private static void Unique(ValidationContext context, IEnumerable<Located<string>?> names, string kind)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var name in names.OfType<Located<string>>())
        {
            if (!seen.TryAdd(name.Value, name.Position))
            {
                context.Error(DiagnosticCodes.DuplicateName, name.Position,
                    $"{kind} name '{name.Value}' is already used at line {seen[name.Value].Line}",
                    "plan and apply match remote objects to the file by name, so names must be unique.");
            }
        }
    }
}
