using System.CommandLine;
using VoiceFunctions.Shared.Telephony.Deployment;

namespace VoiceFunctions.Cli.Commands;

/// <summary>The FILE argument shared by the commands that read voice.yaml.</summary>
public static class DeploymentFileArgument
{
    public static Argument<FileInfo> Create() => new("FILE") { Description = "The deployment file (voice.yaml)." };

    /// <summary>Loads and validates the file; null (after printing the usage error) when it cannot be read.</summary>
    public static DeploymentDocument? Load(CliContext context, FileInfo file, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (!file.Exists)
        {
            exitCode = context.UsageError($"{file.FullName}: no such file");
            return null;
        }
        try
        {
            return DeploymentFileLoader.LoadFile(file.FullName, context.Environment);
        }
        catch (IOException e)
        {
            exitCode = context.UsageError($"{file.FullName}: {e.Message}");
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            exitCode = context.UsageError($"{file.FullName}: {e.Message}");
            return null;
        }
    }
}
