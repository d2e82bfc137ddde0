using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Output.Results;

/// <summary>
/// `sip apply --json` and `sip rollback --json` (schema/voicectl/sip-apply.schema.json): the plan, the backup taken
/// before the first change, every step with its outcome, and the command that undoes the apply.
/// </summary>
public sealed record ApplyResult(string Server, bool Succeeded, PlanResult Plan, string? BackupId, string? BackupPath, IReadOnlyList<ApplyStepResult> Steps, string? Rollback)
{
    /// <summary>Nothing to change: no backup, no steps.</summary>
    public static ApplyResult NothingToDo(SipPlan plan, string server) => new(server, true, PlanResult.From(plan, server), null, null, [], null);

    public static ApplyResult From(SipPlan plan, string server, ApplyReport report, string backupId, string backupPath, string rollback) => new(
        server, report.Succeeded, PlanResult.From(plan, server), backupId, backupPath,
        report.Steps.Select(ApplyStepResult.From).ToArray(), rollback);
}
