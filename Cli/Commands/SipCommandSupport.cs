using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.Telephony.Deployment;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Commands;

/// <summary>The steps plan, apply, rollback and export share: a valid file, the desired state, the remote state.</summary>
public static class SipCommandSupport
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The file's desired state and its LiveKit target, or null after printing why not (exit code set).</summary>
    public static (DeploymentDocument Document, SipState Desired, LiveKitTarget Target)? Prepare(CliContext context, FileInfo file, out int exitCode)
    {
        var document = DeploymentFileArgument.Load(context, file, out exitCode);
        if (document is null)
        {
            return null;
        }
        if (!document.IsValid)
        {
            DiagnosticPrinter.Print(context.Terminal, document);
            context.Terminal.Error.WriteLine("voicectl: fix the file first (voicectl sip validate shows the same list)");
            exitCode = ExitCodes.Failed;
            return null;
        }
        var desired = DesiredStateBuilder.Build(document.File!, context.Environment, out var unset);
        var target = LiveKitTarget.FromFile(document.File!, context.Environment, out var problem);
        if (unset.Count > 0 || target is null)
        {
            context.Terminal.Error.WriteLine("voicectl: " + (problem ?? "credential variables are not set: " + string.Join(", ", unset)));
            exitCode = ExitCodes.Failed;
            return null;
        }
        return (document, desired, target);
    }

    /// <summary>The remote state, or null after printing why it could not be read.</summary>
    public static async Task<SipState?> ReadRemoteAsync(CliContext context, LiveKitConnection connection, CancellationToken cancellationToken)
    {
        context.Terminal.Progress($"reading trunks and dispatch rules from {connection.Target.Url}");
        try
        {
            return await SipStateReader.ReadAsync(connection.Sip, cancellationToken);
        }
        catch (LiveKitException e)
        {
            context.Terminal.Error.WriteLine($"voicectl: cannot read the SIP configuration from {connection.Target.Url}: {e.Message}");
            return null;
        }
    }

    /// <summary>Asks before changing LiveKit, unless --yes was given.</summary>
    public static bool Confirm(CliContext context, string question, bool yes)
    {
        if (yes)
        {
            return true;
        }
        context.Terminal.Error.Write(question + " [y/N] ");
        var answer = context.Terminal.Input.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }

    public static string DefaultBackupDirectory(FileInfo? file) =>
        Path.Combine(file?.DirectoryName ?? Directory.GetCurrentDirectory(), ".voicectl", "backups");
}
