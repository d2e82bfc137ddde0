using System.CommandLine;
using VoiceFunctions.Cli.Doctor;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl doctor [FILE] [--json]`: every check PASS/WARN/FAIL with evidence, cause and fix; exit 1 on any FAIL.</summary>
public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "The deployment file (voice.yaml); without it only the LiveKit server is checked.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON." };
        var timeout = TimeoutOption.Create();
        var command = new Command("doctor", "Check a VoiceFunctions setup end to end and name the likely cause of each failure.") { file, json, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var checks = await DoctorRunner.RunAsync(context, parse.GetValue(file), TimeoutOption.Read(parse, timeout), cancellationToken);
            if (parse.GetValue(json))
            {
                DoctorPrinter.PrintJson(context.Terminal, checks);
            }
            else
            {
                DoctorPrinter.PrintText(context.Terminal, checks);
            }
            return checks.Any(c => c.Status == DoctorStatus.Fail) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
