using System.CommandLine;
using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl sip apply FILE [--yes]`: back up LiveKit's state, then make it match the file.</summary>
public static class SipApplyCommand
{
    public static Command Create(CliContext context)
    {
        var file = DeploymentFileArgument.Create();
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking." };
        var backupDir = BackupDirectoryOption.Create();
        var timeout = TimeoutOption.Create();
        var command = new Command("apply", "Back up LiveKit's trunks and rules, then create, update and delete them to match the file.") { file, yes, backupDir, timeout };
        var output = OutputOptions.AddTo(command, "sip-apply");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fileInfo = parse.GetValue(file)!;
            var prepared = SipCommandSupport.Prepare(context, fileInfo, out var exitCode);
            if (prepared is null)
            {
                return exitCode;
            }
            var backups = new SipBackupStore(BackupDirectoryOption.Read(parse, backupDir, fileInfo), context.Time);
            await using var connection = LiveKitConnection.Open(prepared.Value.Target, context.Time, TimeoutOption.Read(parse, timeout));
            return await SipApplyRunner.RunAsync(context, connection, prepared.Value.Desired, backups, parse.GetValue(yes), output.IsJson(parse),
                $" --file {fileInfo.Name}", cancellationToken);
        });
        return command;
    }
}
