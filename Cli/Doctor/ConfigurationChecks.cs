using System.Net;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;
using VoiceFunctions.Shared.Telephony.Numbers;
using VoiceFunctions.Shared.Telephony.Routing;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>Checks 6 and 7: LiveKit holds what the file says (drift), and each inbound number reaches a room.</summary>
public static class ConfigurationChecks
{
    public const string DriftName = "drift";

    public static DoctorCheck Drift(SipState desired, SipState remote, string fileName)
    {
        var plan = SipPlanner.Plan(desired, remote);
        if (plan.IsEmpty)
        {
            return DoctorCheck.Pass(DriftName, "LiveKit's trunks and dispatch rules match the file");
        }
        var changes = string.Join("; ", plan.Changes.Take(6).Select(c =>
            c.Action == SipChangeAction.Update ? $"{c.KindText} '{c.Name}' differs in {string.Join(", ", c.Fields.Select(f => f.Field))}"
            : c.Action == SipChangeAction.Create ? $"{c.KindText} '{c.Name}' is missing in LiveKit"
            : $"{c.KindText} '{c.Name}' exists only in LiveKit"));
        return DoctorCheck.Fail(DriftName, changes + (plan.Changes.Count > 6 ? "; …" : ""),
            "LiveKit was changed outside voice.yaml, or the file was changed and not applied; calls follow LiveKit's copy, not the file.",
            $"voicectl sip plan {fileName} shows the difference; voicectl sip apply {fileName} makes LiveKit match the file.");
    }

    /// <summary>For every number of every inbound trunk in the file: would the provider's INVITE reach a room with LiveKit's real trunks and rules?</summary>
    public static IEnumerable<DoctorCheck> Routing(DeploymentFile file, SipState remote)
    {
        var trunks = remote.InboundTrunks.Select(t => new RoutingTrunk(t.SipTrunkId, t.Name, t.Numbers, t.AllowedAddresses, t.AllowedNumbers,
            t.AuthUsername.Length > 0 && t.AuthPassword.Length > 0)).ToArray();
        var rules = remote.DispatchRules.Select(r => new RoutingRule(r.SipDispatchRuleId, r.Name, r.TrunkIds, r.Numbers, r.InboundNumbers,
            !string.IsNullOrEmpty(PinOf(r.Rule)))).ToArray();

        foreach (var trunk in file.InboundTrunks)
        {
            var source = ProviderAddress(trunk);
            foreach (var written in trunk.Numbers)
            {
                if (!PhoneNumber.TryParse(written.Value, out var number, out _))
                {
                    continue;
                }
                var name = $"route {number.E164}";
                var results = InboundCallSimulator.ProviderForms(number)
                    .Select(form => (Form: form, Diagnosis: RouteDiagnosis.Explain(
                        InboundCallSimulator.Simulate(trunks, rules, form, caller: null, source), form, source?.ToString() ?? "an allowed address")))
                    .ToArray();
                var reaching = results.Where(r => r.Diagnosis.Reaches).ToArray();
                if (reaching.Length == results.Length)
                {
                    yield return DoctorCheck.Pass(name, results[0].Diagnosis.Evidence);
                }
                else if (reaching.Length == 0)
                {
                    var first = results[0].Diagnosis;
                    yield return DoctorCheck.Fail(name, first.Evidence, first.Cause!, first.Fix!);
                }
                else
                {
                    var failing = results.First(r => !r.Diagnosis.Reaches);
                    yield return DoctorCheck.Warn(name,
                        $"{reaching[0].Diagnosis.Evidence}; but written as {failing.Form}: {failing.Diagnosis.Evidence}",
                        "Dispatch-rule numbers are compared exactly; if the provider puts that form in the To user, " + failing.Diagnosis.Cause,
                        "Select the rule by trunk instead of by number, or list the form the provider sends.");
                }
            }
        }
    }

    /// <summary>The first concrete address the provider sends from: an IP, or the first host of a CIDR block.</summary>
    private static IPAddress? ProviderAddress(InboundTrunk trunk)
    {
        foreach (var allowed in trunk.AllowedAddresses.Select(a => a.Value.Trim()))
        {
            if (IPAddress.TryParse(allowed, out var ip))
            {
                return ip;
            }
            if (IPNetwork.TryParse(allowed, out var network))
            {
                var bytes = network.BaseAddress.GetAddressBytes();
                if (network.PrefixLength < bytes.Length * 8)
                {
                    bytes[^1] |= 1;
                }
                return new IPAddress(bytes);
            }
        }
        return null;
    }

    private static string? PinOf(SipDispatchRule? rule) =>
        rule?.DispatchRuleDirect?.Pin ?? rule?.DispatchRuleIndividual?.Pin ?? rule?.DispatchRuleCallee?.Pin;
}
