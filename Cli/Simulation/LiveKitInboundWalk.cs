using VoiceFunctions.Shared.Telephony.Routing;

namespace VoiceFunctions.Cli.Simulation;

/// <summary>
/// The steps LiveKit SIP takes with an inbound INVITE (livekit-wire.md §4.2): the bridge's listener, the trunk
/// lookup (called number, caller number, source address; a numbered trunk beats the default one), digest auth,
/// dispatch-rule choice and the room name. Decisions come from <see cref="InboundCallSimulator"/>, the same code
/// validation and doctor use; this adds the why of each step and the line it rests on.
/// </summary>
public static class LiveKitInboundWalk
{
    public static (IReadOnlyList<SimulationStep> Steps, bool Accepted, string? Trunk, string? Rule, string? Room, string? SipResponse) Walk(
        SimulatedCall call, SimulationSources sources)
    {
        var steps = new List<SimulationStep>();
        var file = sources.FileName;
        if (call.Transport == SimulatedTransport.Tls)
        {
            steps.Add(new SimulationStep("transport", StepVerdict.Reject,
                $"the SIP bridge listens on UDP and TCP port {sources.BridgeSipPort} only: the config voicectl sip bridge-config writes has no tls section, so a TLS connection (port 5061) is refused",
                "sip_bridge", sources.BridgeLine, "connection refused", file));
            return (steps, false, null, null, null, "connection refused");
        }
        steps.Add(new SimulationStep("transport", StepVerdict.Pass,
            $"the SIP bridge listens for SIP over {call.Transport.ToString().ToUpperInvariant()} on port {sources.BridgeSipPort}", "sip_bridge.sip_port", sources.BridgeLine, File: file));
        if (call.Source is null)
        {
            steps.Add(new SimulationStep("source", StepVerdict.Note, "no --source given: assumed to be an address every trunk allows"));
        }

        foreach (var trunk in sources.Trunks)
        {
            steps.Add(TrunkStep(call, trunk, file));
        }
        var result = InboundCallSimulator.Simulate(sources.Trunks.Select(t => t.Routing).ToArray(), sources.Rules.Select(r => r.Routing).ToArray(),
            call.To, call.From, call.Source);
        var lines = sources.Trunks.ToDictionary(t => t.Routing.Id, t => t, StringComparer.Ordinal);
        switch (result.Outcome)
        {
            case TrunkMatchOutcome.AmbiguousNumber or TrunkMatchOutcome.AmbiguousDefault:
                var names = string.Join(", ", result.Trunks.Select(t => $"'{t.Name}'"));
                steps.Add(new SimulationStep("trunk match", StepVerdict.Reject,
                    $"trunks {names} all match, so LiveKit's trunk lookup fails (\"Multiple {(result.Outcome == TrunkMatchOutcome.AmbiguousDefault ? "default " : "")}SIP Trunks matched\"); the bridge logs \"Rejecting inbound, auth check failed\" — not a password problem",
                    $"inbound trunk '{result.Trunks[0].Name}'", lines[result.Trunks[0].Id].Line, "503 Try again later", file));
                return (steps, false, null, null, null, "503 Try again later");
            case TrunkMatchOutcome.NoTrunk:
                steps.Add(new SimulationStep("trunk match", StepVerdict.Note,
                    "no trunk matches: LiveKit OSS goes on with no trunk and no authentication; only dispatch rules without trunks apply"));
                break;
            default:
                var matched = lines[result.Trunk!.Id];
                steps.Add(new SimulationStep("trunk match", StepVerdict.Pass, $"trunk '{matched.Routing.Name}' takes the call",
                    $"inbound trunk '{matched.Routing.Name}'", matched.Line, File: file));
                var auth = AuthStep(call, matched, file);
                steps.Add(auth);
                if (auth.Verdict == StepVerdict.Reject)
                {
                    return (steps, false, matched.Routing.Name, null, null, auth.SipResponse);
                }
                break;
        }

        var trunkName = result.Trunk?.Name;
        foreach (var rule in sources.Rules)
        {
            steps.Add(RuleStep(call, rule, result.Trunk, file));
        }
        if (result.Rules.Count == 0)
        {
            steps.Add(new SimulationStep("dispatch rule", StepVerdict.Reject,
                (trunkName is null ? "no dispatch rule without trunks" : $"no dispatch rule for trunk '{trunkName}'")
                + $" accepts To {call.To} from {call.From} (rule numbers and caller numbers are compared exactly): LiveKit answers DROP, the caller hears ringing, then a timeout",
                null, null, "no final response (ringing, then timeout)"));
            return (steps, false, trunkName, null, null, "no final response (ringing, then timeout)");
        }
        var rules = sources.Rules.ToDictionary(r => r.Routing.Id, r => r, StringComparer.Ordinal);
        var chosen = rules[result.Rules[0].Id];
        var others = result.Rules.Count > 1 ? $"; also applicable but less specific: {string.Join(", ", result.Rules.Skip(1).Select(r => $"'{r.Name}'"))}" : "";
        steps.Add(new SimulationStep("dispatch rule", StepVerdict.Pass,
            $"rule '{chosen.Routing.Name}' is the most specific that applies{others}" + (chosen.Routing.HasPin ? "; it has a PIN: the bridge answers and asks for it first" : ""),
            $"dispatch rule '{chosen.Routing.Name}'", chosen.Line, File: file));
        var room = chosen.RoomFor(call.From, call.To);
        steps.Add(new SimulationStep("room", StepVerdict.Pass,
            $"the caller joins room {room} as participant sip_{call.From}; the bridge answers 200 OK once someone in the room publishes audio",
            $"dispatch rule '{chosen.Routing.Name}' ({chosen.Type.ToString().ToLowerInvariant()})", chosen.Line, File: file));
        return (steps, true, trunkName, chosen.Routing.Name, room, null);
    }

    private static SimulationStep TrunkStep(SimulatedCall call, SimTrunk trunk, string file)
    {
        var routing = trunk.Routing;
        var rule = $"inbound trunk '{routing.Name}'";
        if (routing.Numbers.Count > 0 && !routing.Numbers.Any(n => InboundCallSimulator.SameNumber(n, call.To)))
        {
            return new SimulationStep("trunk", StepVerdict.Note, $"'{routing.Name}' does not serve {call.To} (numbers: {string.Join(", ", routing.Numbers)})", rule, trunk.Line, File: file);
        }
        if (routing.AllowedNumbers.Count > 0 && !routing.AllowedNumbers.Any(n => InboundCallSimulator.SameNumber(n, call.From)))
        {
            return new SimulationStep("trunk", StepVerdict.Note, $"'{routing.Name}' serves {call.To} but does not allow caller {call.From} (allowed_numbers)", rule, trunk.Line, File: file);
        }
        if (call.Source is { } source && routing.AllowedAddresses.Count > 0 && !routing.AllowedAddresses.Any(a => InboundCallSimulator.AddressAllows(a, source)))
        {
            var hosts = routing.AllowedAddresses.Any(a => !a.Contains('/') && !System.Net.IPAddress.TryParse(a, out _))
                ? " (host names there match the From host, which this simulation does not know)" : "";
            return new SimulationStep("trunk", StepVerdict.Note, $"'{routing.Name}' serves {call.To} but does not allow address {source} (allowed_addresses){hosts}", rule, trunk.Line, File: file);
        }
        var kind = routing.Numbers.Count == 0 ? "the default trunk (no numbers)" : $"serves {call.To}";
        return new SimulationStep("trunk", StepVerdict.Note, $"'{routing.Name}' is a candidate: {kind}", rule, trunk.Line, File: file);
    }

    private static SimulationStep RuleStep(SimulatedCall call, SimRule rule, RoutingTrunk? trunk, string file)
    {
        var routing = rule.Routing;
        var name = $"dispatch rule '{routing.Name}'";
        string? why = null;
        if (routing.TrunkIds.Count > 0 && (trunk is null || !routing.TrunkIds.Contains(trunk.Id)))
        {
            why = trunk is null ? "it names trunks, and the call matched none" : $"it does not name trunk '{trunk.Name}'";
        }
        else if (routing.Numbers.Count > 0 && !routing.Numbers.Contains(call.To, StringComparer.Ordinal))
        {
            why = $"its numbers ({string.Join(", ", routing.Numbers)}) do not include {call.To} written exactly so";
        }
        else if (routing.CallerNumbers.Count > 0 && !routing.CallerNumbers.Contains(call.From, StringComparer.Ordinal))
        {
            why = $"its caller_numbers do not include {call.From} written exactly so";
        }
        return new SimulationStep("rule", StepVerdict.Note, why is null ? $"'{routing.Name}' applies" : $"'{routing.Name}' does not apply: {why}", name, rule.Line, File: file);
    }

    private static SimulationStep AuthStep(SimulatedCall call, SimTrunk trunk, string file)
    {
        var rule = $"inbound trunk '{trunk.Routing.Name}' auth";
        if (!trunk.Routing.HasDigestAuth)
        {
            return new SimulationStep("auth", StepVerdict.Pass,
                call.AuthUser is null ? "the trunk asks for no credentials" : $"the trunk asks for no credentials; --auth {call.AuthUser} is never used", rule, trunk.Line, File: file);
        }
        if (call.AuthUser is null)
        {
            return new SimulationStep("auth", StepVerdict.Reject,
                "the bridge challenges with 407 and a carrier that sends no credentials (give --auth USER to simulate one that does) gets no further; the retry must carry Proxy-Authorization",
                rule, trunk.Line, "407 Proxy Authentication Required", file);
        }
        if (trunk.AuthUser is null)
        {
            return new SimulationStep("auth", StepVerdict.Note,
                $"the bridge challenges with 407; the expected user is unknown ({trunk.AuthUnknown ?? "not readable"}), so --auth {call.AuthUser} is assumed right", rule, trunk.Line, File: file);
        }
        return string.Equals(trunk.AuthUser, call.AuthUser, StringComparison.Ordinal)
            ? new SimulationStep("auth", StepVerdict.Pass, $"407 challenge answered as user {call.AuthUser} with Proxy-Authorization (the password is not checked here)", rule, trunk.Line, File: file)
            : new SimulationStep("auth", StepVerdict.Reject, $"the trunk expects a different user than {call.AuthUser}: the bridge answers 401 Unauthorized", rule, trunk.Line, "401 Unauthorized", file);
    }
}
