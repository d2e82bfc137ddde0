using System.CommandLine;
using VoiceFunctions.Cli.LiveKit;

namespace VoiceFunctions.Cli.Commands;

/// <summary>--file for the commands that do not need a whole valid deployment file, only its LiveKit server.</summary>
public static class TargetOptions
{
    public static Option<FileInfo?> CreateFile(
        string description = "Deployment file whose livekit section names the server (without it: LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET).") =>
        new("--file", "-f") { HelpName = "FILE", Description = description };

    /// <summary>The control plane API commands' --api-key-env: the variable holding the API key.</summary>
    public static Option<string> CreateApiKeyEnv() => new("--api-key-env")
    {
        HelpName = "VARIABLE",
        Description = "Variable holding the control plane's API key.",
        DefaultValueFactory = _ => "VOICEFUNCTIONS_API_KEY",
    };

    public static LiveKitTarget? Resolve(CliContext context, FileInfo? file, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        string? problem;
        LiveKitTarget? target;
        if (file is null)
        {
            target = LiveKitTarget.FromEnvironment(context.Environment, out problem);
        }
        else
        {
            var document = DeploymentFileArgument.Load(context, file, out exitCode);
            if (document is null)
            {
                return null;
            }
            if (document.File?.LiveKit is null)
            {
                exitCode = context.UsageError($"{file.Name} has no usable livekit section (voicectl sip validate {file.Name})");
                return null;
            }
            target = LiveKitTarget.FromFile(document.File, context.Environment, out problem);
        }
        if (target is null)
        {
            exitCode = context.UsageError(problem!);
        }
        return target;
    }
}
