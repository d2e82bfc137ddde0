using System.CommandLine;
using System.Net;
using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Simulation;

namespace VoiceFunctions.Cli.Commands;

/// <summary>
/// `voicectl sip simulate FILE --from N --to N`: what happens to one inbound call, step by step, with the rule and
/// line behind each step. Exit 0 accepted, 1 rejected, 2 usage.
/// </summary>
public static class SipSimulateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The deployment file (voice.yaml); with --direct, the MediaHost's settings JSON." };
        var from = new Option<string>("--from") { HelpName = "NUMBER", Description = "The caller: the From user as the carrier sends it.", Required = true };
        var to = new Option<string>("--to") { HelpName = "NUMBER", Description = "The called number: the To user as the carrier sends it.", Required = true };
        var source = new Option<string?>("--source") { HelpName = "IP", Description = "The carrier's IP address the INVITE comes from (without it: an allowed one)." };
        var transport = new Option<string>("--transport") { Description = "How the INVITE arrives.", DefaultValueFactory = _ => "udp" };
        transport.AcceptOnlyFromAmong("udp", "tcp", "tls");
        var auth = new Option<string?>("--auth") { HelpName = "USER", Description = "The digest user the carrier answers a challenge with (without it: it sends no credentials)." };
        var live = new Option<bool>("--live") { Description = "Walk LiveKit's current trunks and rules (read with the API) instead of the file's." };
        var direct = new Option<bool>("--direct") { Description = "Direct mode: the carrier sends to the MediaHost; FILE is its settings JSON and its inbound policy decides." };
        var timeout = TimeoutOption.Create();
        var command = new Command("simulate", "Walk one inbound call through LiveKit SIP's rules (or the MediaHost's policy) and say why it is accepted or rejected.")
        {
            file, from, to, source, transport, auth, live, direct, timeout,
        };
        var output = OutputOptions.AddTo(command, "sip-simulate");
        command.SetAction(async (parse, cancellationToken) =>
        {
            IPAddress? address = null;
            if (parse.GetValue(source) is { } text && !IPAddress.TryParse(text, out address))
            {
                return context.UsageError($"--source '{text}' is not an IP address");
            }
            var call = new SimulatedCall(parse.GetValue(from)!.Trim(), parse.GetValue(to)!.Trim(), address, Enum.Parse<SimulatedTransport>(parse.GetValue(transport)!, ignoreCase: true), parse.GetValue(auth));
            var (report, exitCode) = parse.GetValue(direct)
                ? Direct(context, parse.GetValue(file)!, call)
                : await ThroughLiveKitAsync(context, parse.GetValue(file)!, call, parse.GetValue(live), TimeoutOption.Read(parse, timeout), cancellationToken);
            if (report is null)
            {
                return exitCode;
            }
            if (output.IsJson(parse))
            {
                JsonOutput.Write(context.Terminal, report);
            }
            else
            {
                SimulationPrinter.Print(context.Terminal, report);
            }
            return report.Accepted ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>The report, or null with the exit code after printing why there is none.</summary>
    private static (SimulationReport? Report, int ExitCode) Direct(CliContext context, FileInfo file, SimulatedCall call)
    {
        if (!file.Exists)
        {
            return (null, context.UsageError($"{file.FullName}: no such file"));
        }
        var settings = MediaHostPolicySettings.Load(file.FullName, out var problem);
        if (settings is null)
        {
            return (null, context.UsageError(problem!));
        }
        var steps = MediaHostPolicyWalk.Walk(call, settings);
        var rejected = steps.FirstOrDefault(s => s.Verdict == StepVerdict.Reject);
        return (new SimulationReport(rejected is null, SimulatedCallView.Of(call), steps, null, null, null, rejected?.SipResponse, $"MediaHost settings {settings.FileName}"),
            ExitCodes.Ok);
    }

    private static async Task<(SimulationReport? Report, int ExitCode)> ThroughLiveKitAsync(
        CliContext context, FileInfo file, SimulatedCall call, bool live, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var document = DeploymentFileArgument.Load(context, file, out var exitCode);
        if (document is null)
        {
            return (null, exitCode);
        }
        if (!document.IsValid)
        {
            DiagnosticPrinter.Print(context.Terminal, document);
            context.Terminal.Error.WriteLine("voicectl: fix the file first (voicectl sip validate shows the same list)");
            return (null, ExitCodes.Failed);
        }
        SimulationSources sources;
        if (live)
        {
            var target = LiveKitTarget.FromFile(document.File!, context.Environment, out var problem);
            if (target is null)
            {
                return (null, context.UsageError(problem!));
            }
            await using var connection = LiveKitConnection.Open(target, context.Time, timeout);
            var remote = await SipCommandSupport.ReadRemoteAsync(context, connection, cancellationToken);
            if (remote is null)
            {
                return (null, ExitCodes.Failed);
            }
            sources = SimulationSources.FromLiveKit(remote, target.Url, document.File!, file.Name);
        }
        else
        {
            sources = SimulationSources.FromFile(document.File!, file.Name, context.Environment);
        }
        var (steps, accepted, trunk, rule, room, response) = LiveKitInboundWalk.Walk(call, sources);
        return (new SimulationReport(accepted, SimulatedCallView.Of(call), steps, trunk, rule, room, response, sources.Description), ExitCodes.Ok);
    }
}
