using System.CommandLine;
using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl sip export`: LiveKit's current trunks and rules as a deployment file (credentials as references).</summary>
public static class SipExportCommand
{
    public static Command Create(CliContext context)
    {
        var file = TargetOptions.CreateFile();
        var output = new Option<FileInfo?>("--output", "-o") { HelpName = "FILE", Description = "Write to this file instead of standard output." };
        var timeout = TimeoutOption.Create();
        var command = new Command("export", "Write LiveKit's current trunks and rules as a deployment file.") { file, output, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = TargetOptions.Resolve(context, parse.GetValue(file), out var exitCode);
            if (target is null)
            {
                return exitCode;
            }
            await using var connection = LiveKitConnection.Open(target, context.Time, TimeoutOption.Read(parse, timeout));
            var remote = await SipCommandSupport.ReadRemoteAsync(context, connection, cancellationToken);
            if (remote is null)
            {
                return ExitCodes.Failed;
            }
            var yaml = SipStateExporter.Export(remote, target.Url, context.Time.GetUtcNow());
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path.FullName, yaml, cancellationToken);
                context.Terminal.Out.WriteLine($"Wrote {path.FullName}.");
            }
            else
            {
                context.Terminal.Out.Write(yaml);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
