using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;
using VoiceFunctions.Shared.Telephony.Numbers;
using VoiceFunctions.Shared.Telephony.Routing;

namespace VoiceFunctions.Shared.Telephony.Deployment;

/// <summary>The file's inbound trunks and dispatch rules as LiveKit will hold them after apply
/// (numbers in E.164, trunks referred to by name), ready for <see cref="InboundCallSimulator"/>.</summary>
public static class DeploymentRouting
{
    public static RoutingTrunk ToRouting(InboundTrunk trunk) => new(
        trunk.Name?.Value ?? "",
        trunk.Name?.Value ?? "",
        E164(trunk.Numbers),
        trunk.AllowedAddresses.Select(a => a.Value.Trim()).ToArray(),
        E164(trunk.AllowedNumbers),
        trunk.Auth is not null);

    public static RoutingRule ToRouting(DispatchRule rule) => new(
        rule.Name?.Value ?? "",
        rule.Name?.Value ?? "",
        rule.Trunks.Select(t => t.Value).ToArray(),
        E164(rule.Numbers),
        E164(rule.CallerNumbers),
        !string.IsNullOrEmpty(rule.Pin?.Value));

    public static IReadOnlyList<RoutingTrunk> Trunks(DeploymentFile file) => file.InboundTrunks.Select(ToRouting).ToArray();

    public static IReadOnlyList<RoutingRule> Rules(DeploymentFile file) => file.DispatchRules.Select(ToRouting).ToArray();

    /// <summary>The numbers that normalise, in E.164, without duplicates (invalid ones are reported by validation).</summary>
    public static IReadOnlyList<string> E164(IEnumerable<Located<string>> numbers) =>
        numbers.Select(n => PhoneNumber.TryParse(n.Value, out var p, out _) ? p.E164 : null)
            .OfType<string>().Distinct().ToArray();
}
