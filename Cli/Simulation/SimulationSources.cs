using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Telephony.Deployment;
using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;
using VoiceFunctions.Shared.Telephony.Routing;

namespace VoiceFunctions.Cli.Simulation;

/// <summary>
/// The trunks and rules a simulation walks: the file's (as apply would create them), or LiveKit's own
/// (--live), with the file's lines attached by name. The bridge's listening side always comes from the file.
/// </summary>
public sealed record SimulationSources(
    string Description,
    string FileName,
    IReadOnlyList<SimTrunk> Trunks,
    IReadOnlyList<SimRule> Rules,
    int BridgeSipPort,
    int? BridgeLine)
{
    public static SimulationSources FromFile(DeploymentFile file, string fileName, Func<string, string?> environment) => new(
        fileName, fileName,
        file.InboundTrunks.Select(t => new SimTrunk(DeploymentRouting.ToRouting(t), t.Position.Line,
            t.Auth?.Username?.Resolve(environment), AuthUnknown(t, environment))).ToArray(),
        file.DispatchRules.Select(r => FromFileRule(r)).ToArray(),
        file.SipBridge?.SipPort ?? 5060, file.SipBridge?.Position.Line);

    /// <summary>LiveKit's trunks and rules (read with the API), located in <paramref name="file"/> by name where they are written there.</summary>
    public static SimulationSources FromLiveKit(SipState remote, string server, DeploymentFile file, string fileName)
    {
        var trunkLines = file.InboundTrunks.Where(t => t.Name is not null).GroupBy(t => t.Name!.Value).ToDictionary(g => g.Key, g => g.First().Position.Line);
        var ruleLines = file.DispatchRules.Where(r => r.Name is not null).GroupBy(r => r.Name!.Value).ToDictionary(g => g.Key, g => g.First().Position.Line);
        var trunks = remote.InboundTrunks.Select(t => new SimTrunk(
            new RoutingTrunk(t.SipTrunkId, t.Name, t.Numbers, t.AllowedAddresses, t.AllowedNumbers, t.AuthUsername.Length > 0 && t.AuthPassword.Length > 0),
            trunkLines.TryGetValue(t.Name, out var line) ? line : null,
            t.AuthUsername.Length > 0 ? t.AuthUsername : null, null)).ToArray();
        var rules = remote.DispatchRules.Select(r => FromLiveKitRule(r, ruleLines.TryGetValue(r.Name, out var line) ? line : null)).ToArray();
        return new SimulationSources($"LiveKit at {server}", fileName, trunks, rules, file.SipBridge?.SipPort ?? 5060, file.SipBridge?.Position.Line);
    }

    private static string? AuthUnknown(InboundTrunk trunk, Func<string, string?> environment) =>
        trunk.Auth?.Username is { } user && user.Resolve(environment) is null ? $"{user} is not set here" : null;

    private static SimRule FromFileRule(DispatchRule rule)
    {
        var type = rule.Type?.Value ?? DispatchRuleType.Individual;
        var randomize = type == DispatchRuleType.Individual ? rule.Randomize != false : rule.Randomize == true;
        return new SimRule(DeploymentRouting.ToRouting(rule), rule.Position.Line, type, rule.RoomName?.Value, rule.RoomPrefix ?? "", randomize);
    }

    private static SimRule FromLiveKitRule(SipDispatchRuleInfo rule, int? line)
    {
        var body = rule.Rule;
        var pin = body?.DispatchRuleDirect?.Pin ?? body?.DispatchRuleIndividual?.Pin ?? body?.DispatchRuleCallee?.Pin;
        var routing = new RoutingRule(rule.SipDispatchRuleId, rule.Name, rule.TrunkIds, rule.Numbers, rule.InboundNumbers, !string.IsNullOrEmpty(pin));
        return body switch
        {
            { DispatchRuleDirect: { } direct } => new SimRule(routing, line, DispatchRuleType.Direct, direct.RoomName, "", false),
            { DispatchRuleCallee: { } callee } => new SimRule(routing, line, DispatchRuleType.Callee, null, callee.RoomPrefix, callee.Randomize),
            { DispatchRuleIndividual: { } individual } => new SimRule(routing, line, DispatchRuleType.Individual, null, individual.RoomPrefix, !individual.NoRandomness),
            _ => new SimRule(routing, line, DispatchRuleType.Individual, null, "", true),
        };
    }
}
