using System.CommandLine;
using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl sip rollback ID`: make LiveKit hold a backup's state again: a plan, shown first, then an apply (itself backed up).</summary>
public static class SipRollbackCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The backup to restore (voicectl sip backups lists them)." };
        var file = TargetOptions.CreateFile();
        var yes = new Option<bool>("--yes", "-y") { Description = "Restore without asking." };
        var backupDir = BackupDirectoryOption.Create();
        var timeout = TimeoutOption.Create();
        var command = new Command("rollback", "Restore the trunks and rules of a backup (shows the plan first).") { id, file, yes, backupDir, timeout };
        var output = OutputOptions.AddTo(command, "sip-apply");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fileInfo = parse.GetValue(file);
            var store = new SipBackupStore(BackupDirectoryOption.Read(parse, backupDir, fileInfo), context.Time);
            var backup = store.Load(parse.GetValue(id)!);
            if (backup is null)
            {
                return context.UsageError($"no backup '{parse.GetValue(id)}' in {store.Directory} (voicectl sip backups lists them)");
            }
            var target = TargetOptions.Resolve(context, fileInfo, out var exitCode);
            if (target is null)
            {
                return exitCode;
            }
            if (!string.Equals(LiveKitUrlKey(backup.LiveKitUrl), LiveKitUrlKey(target.Url), StringComparison.OrdinalIgnoreCase))
            {
                context.Terminal.Error.WriteLine($"voicectl: backup {backup.Id} was taken from {backup.LiveKitUrl}, not {target.Url}; restoring it there anyway");
            }
            // On stderr under --json: stdout carries the one JSON result.
            (output.IsJson(parse) ? context.Terminal.Error : context.Terminal.Out).WriteLine($"Restoring backup {backup.Id} of {backup.CreatedAt:u}.");
            await using var connection = LiveKitConnection.Open(target, context.Time, TimeoutOption.Read(parse, timeout));
            var hint = fileInfo is null ? "" : $" --file {fileInfo.Name}";
            return await SipApplyRunner.RunAsync(context, connection, backup.State.WithTrunkNames(), store, parse.GetValue(yes), output.IsJson(parse), hint, cancellationToken);
        });
        return command;
    }

    /// <summary>ws://h and http://h name the same server.</summary>
    private static string LiveKitUrlKey(string url) =>
        Shared.LiveKit.Api.LiveKitUrl.TryToHttpBase(url, out var uri) ? uri!.ToString() : url;
}
