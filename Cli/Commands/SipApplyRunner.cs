using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Output.Results;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Commands;

/// <summary>
/// Plan, confirm, back up, apply, report: what `sip apply` and `sip rollback` both do. The backup is
/// written before the first change, so every apply can be undone with `sip rollback ID`.
/// </summary>
public static class SipApplyRunner
{
    /// <summary>
    /// With <paramref name="json"/> nothing is printed along the way and one <see cref="ApplyResult"/> is written at the
    /// end; a script cannot answer a question, so JSON needs <paramref name="yes"/> when there is something to change.
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext context, LiveKitConnection connection, SipState desired, SipBackupStore backups, bool yes, bool json, string rollbackHint, CancellationToken cancellationToken)
    {
        var terminal = context.Terminal;
        var remote = await SipCommandSupport.ReadRemoteAsync(context, connection, cancellationToken);
        if (remote is null)
        {
            return ExitCodes.Failed;
        }
        var plan = SipPlanner.Plan(desired, remote);
        var server = connection.Target.Url;
        if (json && plan.IsEmpty)
        {
            JsonOutput.Write(terminal, ApplyResult.NothingToDo(plan, server));
            return ExitCodes.Ok;
        }
        if (json && !yes)
        {
            return context.UsageError($"--json applies only with --yes: {plan.Changes.Count} changes are waiting and there is no one to ask (see them with voicectl sip plan --json)");
        }
        if (!json)
        {
            PlanPrinter.Print(terminal, plan);
        }
        if (plan.IsEmpty)
        {
            return ExitCodes.Ok;
        }
        if (!SipCommandSupport.Confirm(context, $"Apply {plan.Changes.Count} changes to {server}?", yes))
        {
            terminal.Error.WriteLine("voicectl: cancelled, nothing changed");
            return ExitCodes.Failed;
        }

        var backup = backups.Save(remote, server);
        var rollback = $"voicectl sip rollback {backup.Id}{rollbackHint}";
        if (!json)
        {
            terminal.WriteWrapped(terminal.Out, $"Backed up the current state as {backup.Id} ({backups.PathOf(backup.Id)}).", 2, 0);
        }

        var report = await new SipApplier(connection.Sip).ApplyAsync(plan, remote, step =>
        {
            if (!json)
            {
                terminal.WriteWrapped(terminal.Out, $"{step.Change.ActionText} {step.Change.KindText} '{step.Change.Name}'"
                    + (step.RemoteId is null ? "" : $" ({step.RemoteId})")
                    + (step.Outcome == ApplyStepOutcome.Applied ? ": done" : ": FAILED"), 2);
            }
        }, cancellationToken);

        if (json)
        {
            JsonOutput.Write(terminal, ApplyResult.From(plan, server, report, backup.Id, backups.PathOf(backup.Id), rollback));
            return report.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }
        if (report.Succeeded)
        {
            terminal.WriteWrapped(terminal.Out, $"Applied {report.Steps.Count} changes. Undo with: {rollback}", 2, 0);
            return ExitCodes.Ok;
        }

        var failure = report.Failure!;
        terminal.Out.WriteLine();
        terminal.WriteWrapped(terminal.Out, $"Apply stopped at: {failure.Change}: {failure.Error}", 2, 0);
        var applied = report.Applied.ToArray();
        terminal.Out.WriteLine(applied.Length == 0 ? "Applied before the failure: nothing." : "Applied before the failure:");
        foreach (var step in applied)
        {
            terminal.Out.WriteLine($"  {step.Change}" + (step.Change.Action == SipChangeAction.Create ? $" -> {step.RemoteId}" : ""));
        }
        terminal.Out.WriteLine("Not applied:");
        terminal.Out.WriteLine($"  {failure.Change} (failed)");
        foreach (var step in report.NotAttempted)
        {
            terminal.Out.WriteLine($"  {step.Change}");
        }
        terminal.WriteWrapped(terminal.Out,
            $"LiveKit now holds a mix of the old and the new configuration. Fix the cause and run apply again, or restore the state from before this apply with: {rollback}", 0);
        return ExitCodes.Failed;
    }
}
