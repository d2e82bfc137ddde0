using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Output.Results;

/// <summary>`sip plan --json` (schema/voicectl/sip-plan.schema.json). Secret fields carry no values.</summary>
public sealed record PlanResult(string Server, bool Empty, string Summary, IReadOnlyList<PlanChangeResult> Changes)
{
    public static PlanResult From(SipPlan plan, string server) => new(server, plan.IsEmpty, plan.Summary,
        plan.Changes.Select(c => new PlanChangeResult(c.ActionText, c.KindText, c.Name, c.RemoteId,
            c.Fields.Select(f => new PlanFieldResult(f.Field, f.IsSecret ? null : f.Current, f.IsSecret ? null : f.Desired, f.IsSecret)).ToArray()))
            .ToArray());
}
