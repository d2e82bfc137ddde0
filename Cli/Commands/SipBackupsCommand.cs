using System.CommandLine;
using System.Globalization;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Output.Results;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl sip backups`: the states saved before each apply, oldest first.</summary>
public static class SipBackupsCommand
{
    public static Command Create(CliContext context)
    {
        var file = TargetOptions.CreateFile();
        var backupDir = BackupDirectoryOption.Create();
        var command = new Command("backups", "List the backups apply made (restore one with: voicectl sip rollback ID).") { file, backupDir };
        var output = OutputOptions.AddTo(command, "sip-backups");
        command.SetAction(parse =>
        {
            var store = new SipBackupStore(BackupDirectoryOption.Read(parse, backupDir, parse.GetValue(file)), context.Time);
            var backups = store.List();
            if (output.IsJson(parse))
            {
                JsonOutput.Write(context.Terminal, new BackupListResult(store.Directory, backups.Select(b => new BackupResult(
                    b.Id, b.CreatedAt, b.LiveKitUrl, b.State.InboundTrunks.Count, b.State.OutboundTrunks.Count, b.State.DispatchRules.Count)).ToArray()));
                return ExitCodes.Ok;
            }
            if (backups.Count == 0)
            {
                context.Terminal.Out.WriteLine($"No backups in {store.Directory}.");
                return ExitCodes.Ok;
            }
            context.Terminal.Out.WriteLine($"{"ID",-20} {"CREATED (UTC)",-20} {"IN",3} {"OUT",3} {"RULES",5}  SERVER");
            foreach (var backup in backups)
            {
                var server = backup.LiveKitUrl.Length > 24 ? backup.LiveKitUrl[..23] + "…" : backup.LiveKitUrl;
                context.Terminal.Out.WriteLine(
                    $"{backup.Id,-20} {backup.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-20} " +
                    $"{backup.State.InboundTrunks.Count,3} {backup.State.OutboundTrunks.Count,3} {backup.State.DispatchRules.Count,5}  {server}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
