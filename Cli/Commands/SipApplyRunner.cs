using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Commands;

/// <summary>
/// Plan, confirm, back up, apply, report: what `sip apply` and `sip rollback` both do. The backup is
/// written before the first change, so every apply can be undone with `sip rollback ID`.
/// </summary>
public static class SipApplyRunner
{
    public static async Task<int> RunAsync(
        CliContext context, LiveKitConnection connection, SipState desired, SipBackupStore backups, bool yes, string rollbackHint, CancellationToken cancellationToken)
    {
        var terminal = context.Terminal;
        var remote = await SipCommandSupport.ReadRemoteAsync(context, connection, cancellationToken);
        if (remote is null)
        {
            return ExitCodes.Failed;
        }
        var plan = SipPlanner.Plan(desired, remote);
        PlanPrinter.Print(terminal, plan);
        if (plan.IsEmpty)
        {
            return ExitCodes.Ok;
        }
        if (!SipCommandSupport.Confirm(context, $"Apply {plan.Changes.Count} changes to {connection.Target.Url}?", yes))
        {
            terminal.Error.WriteLine("voicectl: cancelled, nothing changed");
            return ExitCodes.Failed;
        }

        var backup = backups.Save(remote, connection.Target.Url);
        terminal.WriteWrapped(terminal.Out, $"Backed up the current state as {backup.Id} ({backups.PathOf(backup.Id)}).", 2, 0);

        var report = await new SipApplier(connection.Sip).ApplyAsync(plan, remote, step =>
            terminal.WriteWrapped(terminal.Out, $"{step.Change.ActionText} {step.Change.KindText} '{step.Change.Name}'"
                + (step.RemoteId is null ? "" : $" ({step.RemoteId})")
                + (step.Outcome == ApplyStepOutcome.Applied ? ": done" : ": FAILED"), 2),
            cancellationToken);

        if (report.Succeeded)
        {
            terminal.WriteWrapped(terminal.Out, $"Applied {report.Steps.Count} changes. Undo with: voicectl sip rollback {backup.Id}{rollbackHint}", 2, 0);
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
            $"LiveKit now holds a mix of the old and the new configuration. Fix the cause and run apply again, or restore the state from before this apply with: voicectl sip rollback {backup.Id}{rollbackHint}", 0);
        return ExitCodes.Failed;
    }
}
