using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>
/// Compares the desired state (from voice.yaml or a backup) with LiveKit's, matching objects by name,
/// and lists the changes field by field. Objects LiveKit holds that the desired state does not name are
/// deleted: the file is the whole truth. Pure: no I/O.
/// </summary>
public static class SipPlanner
{
    public static SipPlan Plan(SipState desired, SipState remote)
    {
        var named = remote.WithTrunkNames();
        var upserts = new List<SipChange>();
        var deletes = new List<SipChange>();

        Diff(desired.InboundTrunks, named.InboundTrunks, t => t.Name, t => t.SipTrunkId, SipObjectKind.InboundTrunk, SipFieldComparer.Inbound,
            (change, item) => change with { InboundTrunk = item }, upserts, deletes);
        Diff(desired.OutboundTrunks, named.OutboundTrunks, t => t.Name, t => t.SipTrunkId, SipObjectKind.OutboundTrunk, SipFieldComparer.Outbound,
            (change, item) => change with { OutboundTrunk = item }, upserts, deletes);
        Diff(desired.DispatchRules, named.DispatchRules, r => r.Name, r => r.SipDispatchRuleId, SipObjectKind.DispatchRule, SipFieldComparer.Rule,
            (change, item) => change with { DispatchRule = item }, upserts, deletes);

        // Deletes last, rules before the trunks they may refer to.
        var ordered = upserts.Concat(deletes.OrderBy(d => d.Kind == SipObjectKind.DispatchRule ? 0 : 1)).ToArray();
        return new SipPlan(ordered);
    }

    private static void Diff<T>(
        List<T> desired, List<T> remote, Func<T, string> name, Func<T, string> id, SipObjectKind kind,
        Func<T, T, IReadOnlyList<FieldChange>> compare, Func<SipChange, T, SipChange> attach,
        List<SipChange> upserts, List<SipChange> deletes)
    {
        var unmatched = new List<T>(remote);
        foreach (var wanted in desired)
        {
            var existing = unmatched.FirstOrDefault(r => name(r) == name(wanted));
            if (existing is null)
            {
                upserts.Add(attach(new SipChange(SipChangeAction.Create, kind, name(wanted), null, compare(Empty<T>(), wanted)), wanted));
                continue;
            }
            unmatched.Remove(existing);
            var fields = compare(existing, wanted);
            if (fields.Count > 0)
            {
                upserts.Add(attach(new SipChange(SipChangeAction.Update, kind, name(wanted), id(existing), fields), wanted));
            }
        }
        deletes.AddRange(unmatched.Select(r => new SipChange(SipChangeAction.Delete, kind, name(r), id(r), [])));
    }

    private static T Empty<T>() => (T)Activator.CreateInstance(typeof(T))!;
}
