using System.CommandLine;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Output.Results;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl sip validate FILE`: every problem of the file with its position; exit 0 valid, 1 invalid, 2 usage.</summary>
public static class SipValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = DeploymentFileArgument.Create();
        var command = new Command("validate", "Check a deployment file and list every problem with its line and column.") { file };
        var output = OutputOptions.AddTo(command, "sip-validate");
        command.SetAction(parse =>
        {
            var document = DeploymentFileArgument.Load(context, parse.GetValue(file)!, out var exitCode);
            if (document is null)
            {
                return exitCode;
            }
            if (output.IsJson(parse))
            {
                JsonOutput.Write(context.Terminal, ValidationResult.From(document));
            }
            else
            {
                DiagnosticPrinter.Print(context.Terminal, document);
            }
            return document.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
