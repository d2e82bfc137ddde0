using System.Net;
using VoiceFunctions.Shared.Telephony.Numbers;

namespace VoiceFunctions.Shared.Telephony.Routing;

/// <summary>
/// Decides, without a network, what LiveKit would do with an inbound INVITE: the trunk lookup
/// (called number exact or normalised, allowed caller numbers, allowed addresses, a number-specific
/// trunk beating the default one) and then dispatch-rule selection (trunk ids, called and caller
/// numbers compared exactly, more specific rules first). Used by validation and by doctor.
/// </summary>
public static class InboundCallSimulator
{
    /// <param name="called">The To user as the provider sends it.</param>
    /// <param name="caller">The From user, or null for "any caller".</param>
    /// <param name="source">The INVITE's source address, or null for "an allowed address".</param>
    public static InboundCallResult Simulate(
        IReadOnlyList<RoutingTrunk> trunks, IReadOnlyList<RoutingRule> rules, string called, string? caller, IPAddress? source)
    {
        var reasons = new List<string>();
        var candidates = new List<RoutingTrunk>();
        foreach (var trunk in trunks)
        {
            if (trunk.Numbers.Count > 0 && !trunk.Numbers.Any(n => SameNumber(n, called)))
            {
                continue;
            }
            if (caller is not null && trunk.AllowedNumbers.Count > 0 && !trunk.AllowedNumbers.Any(n => SameNumber(n, caller)))
            {
                reasons.Add($"trunk '{trunk.Name}' does not allow caller {caller}");
                continue;
            }
            if (source is not null && trunk.AllowedAddresses.Count > 0 && !trunk.AllowedAddresses.Any(a => AddressAllows(a, source)))
            {
                reasons.Add($"trunk '{trunk.Name}' does not allow address {source}");
                continue;
            }
            candidates.Add(trunk);
        }

        var specific = candidates.Where(t => t.Numbers.Count > 0).ToArray();
        var defaults = candidates.Where(t => t.Numbers.Count == 0).ToArray();
        if (specific.Length > 1)
        {
            return new InboundCallResult(TrunkMatchOutcome.AmbiguousNumber, specific, [], reasons);
        }
        if (specific.Length == 0 && defaults.Length > 1)
        {
            return new InboundCallResult(TrunkMatchOutcome.AmbiguousDefault, defaults, [], reasons);
        }

        var matched = specific.Length == 1 ? specific[0] : defaults.FirstOrDefault();
        var applicable = rules
            .Where(r => matched is null ? r.TrunkIds.Count == 0 : r.TrunkIds.Count == 0 || r.TrunkIds.Contains(matched.Id))
            .Where(r => r.Numbers.Count == 0 || r.Numbers.Contains(called, StringComparer.Ordinal))
            .Where(r => caller is null || r.CallerNumbers.Count == 0 || r.CallerNumbers.Contains(caller, StringComparer.Ordinal))
            .OrderBy(r => Priority(r, matched))
            .ToArray();
        return matched is null
            ? new InboundCallResult(TrunkMatchOutcome.NoTrunk, [], applicable, reasons)
            : new InboundCallResult(TrunkMatchOutcome.Matched, [matched], applicable, reasons);
    }

    /// <summary>Lower is better: a rule naming the trunk beats a wildcard one; each empty number filter costs 1000.</summary>
    private static int Priority(RoutingRule rule, RoutingTrunk? trunk)
    {
        var priority = rule.HasPin ? 0 : 10_000;
        priority += rule.Numbers.Count == 0 ? 1000 : 0;
        priority += rule.CallerNumbers.Count == 0 ? 1000 : 0;
        priority += trunk is not null && rule.TrunkIds.Contains(trunk.Id) ? 0 : 100;
        return priority;
    }

    /// <summary>Trunk numbers match exactly or after LiveKit's normalisation (spaces, '-', '()' removed, '+' added).</summary>
    public static bool SameNumber(string configured, string presented)
    {
        if (configured == presented)
        {
            return true;
        }
        return Loose(configured) == Loose(presented);
    }

    private static string Loose(string number)
    {
        var digits = new string(number.Where(c => c is not (' ' or '-' or '(' or ')')).ToArray());
        return digits.StartsWith('+') ? digits : "+" + digits;
    }

    public static bool AddressAllows(string allowed, IPAddress source)
    {
        allowed = allowed.Trim();
        if (allowed.Contains('/'))
        {
            return IPNetwork.TryParse(allowed, out var network) && network.Contains(source);
        }
        return IPAddress.TryParse(allowed, out var ip) && ip.Equals(source);
    }

    /// <summary>A number as providers write it in the To user: E.164, or the same digits without "+".</summary>
    public static IReadOnlyList<string> ProviderForms(PhoneNumber number) => [number.E164, number.Digits];
}
