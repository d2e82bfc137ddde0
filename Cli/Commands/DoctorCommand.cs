using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VoiceFunctions.Cli.Doctor;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl doctor [FILE]`: every check PASS/WARN/FAIL with evidence, cause and fix; exit 1 on any FAIL, 2 on a usage error.</summary>
public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "The deployment file (voice.yaml); without it only the LiveKit server is checked.", Arity = ArgumentArity.ZeroOrOne };
        var timeout = TimeoutOption.Create();
        var only = new Option<string[]>("--only")
        {
            HelpName = "CHECK",
            Description = "Run only these checks (repeatable or comma-separated): " + string.Join(", ", DoctorSelection.Ids) + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        only.CompletionSources.Add(DoctorSelection.Ids.ToArray());
        var skip = new Option<string[]>("--skip") { HelpName = "CHECK", Description = "Leave these checks out (same names as --only).", AllowMultipleArgumentsPerToken = true };
        skip.CompletionSources.Add(DoctorSelection.Ids.ToArray());
        var bridgeConfig = new Option<FileInfo?>("--bridge-config") { HelpName = "FILE", Description = "The SIP bridge's config.yaml: check that it shares livekit-server's Redis." };
        var serverConfig = new Option<FileInfo?>("--server-config") { HelpName = "FILE", Description = "livekit-server's config.yaml, to compare the bridge's Redis with (else voice.yaml's sip_bridge.redis)." };
        var mediaHostSettings = new Option<FileInfo?>("--mediahost-settings") { HelpName = "FILE", Description = "The MediaHost's settings JSON: its registrar is probed with the carriers." };
        var caFile = new Option<FileInfo?>("--ca-file") { HelpName = "FILE", Description = "PEM file of extra trusted CA certificates for the TLS checks (a private CA)." };
        var command = new Command("doctor", "Check a VoiceFunctions setup end to end and name the likely cause of each failure.")
        {
            file, timeout, only, skip, bridgeConfig, serverConfig, mediaHostSettings, caFile,
        };
        var output = OutputOptions.AddTo(command, "doctor");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selection = DoctorSelection.Create(parse.GetValue(only) ?? [], parse.GetValue(skip) ?? [], out var problem);
            if (selection is null)
            {
                return context.UsageError(problem!);
            }
            X509Certificate2Collection? roots = null;
            if (parse.GetValue(caFile) is { } ca)
            {
                try
                {
                    roots = [];
                    roots.ImportFromPemFile(ca.FullName);
                }
                catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
                {
                    return context.UsageError($"--ca-file {ca.FullName}: {e.Message}");
                }
            }
            var options = new DoctorOptions(parse.GetValue(file), TimeoutOption.Read(parse, timeout), selection,
                parse.GetValue(bridgeConfig), parse.GetValue(serverConfig), parse.GetValue(mediaHostSettings), roots);
            var checks = await DoctorRunner.RunAsync(context, options, cancellationToken);
            if (output.IsJson(parse))
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
