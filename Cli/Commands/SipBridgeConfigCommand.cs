using System.CommandLine;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Shared.Telephony.Deployment.Generation;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl sip bridge-config FILE`: the SIP bridge's own config.yaml with only the keys it reads.</summary>
public static class SipBridgeConfigCommand
{
    public static Command Create(CliContext context)
    {
        var file = DeploymentFileArgument.Create();
        var withSecrets = new Option<bool>("--with-secrets")
        {
            Description = "Write the API key/secret and Redis password from the environment into the output (keep it out of git).",
        };
        var output = new Option<FileInfo?>("--output", "-o") { HelpName = "FILE", Description = "Write to this file (mode 600) instead of standard output." };
        var command = new Command("bridge-config", "Generate the LiveKit SIP bridge's config.yaml from the deployment file.") { file, withSecrets, output };
        command.SetAction(parse =>
        {
            var document = DeploymentFileArgument.Load(context, parse.GetValue(file)!, out var exitCode);
            if (document is null)
            {
                return exitCode;
            }
            if (!document.IsValid)
            {
                DiagnosticPrinter.Print(context.Terminal, document);
                return ExitCodes.Failed;
            }
            var yaml = SipBridgeConfigGenerator.Generate(document.File!, parse.GetValue(withSecrets) ? context.Environment : null);
            if (parse.GetValue(output) is { } target)
            {
                File.WriteAllText(target.FullName, "");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                File.WriteAllText(target.FullName, yaml);
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
