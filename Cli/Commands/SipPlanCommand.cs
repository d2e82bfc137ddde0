using System.CommandLine;
using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Output.Results;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl sip plan FILE`: what apply would change in LiveKit, field by field. Changes nothing.</summary>
public static class SipPlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = DeploymentFileArgument.Create();
        var timeout = TimeoutOption.Create();
        var command = new Command("plan", "Show what apply would create, update and delete in LiveKit (changes nothing).") { file, timeout };
        var output = OutputOptions.AddTo(command, "sip-plan");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var prepared = SipCommandSupport.Prepare(context, parse.GetValue(file)!, out var exitCode);
            if (prepared is null)
            {
                return exitCode;
            }
            await using var connection = LiveKitConnection.Open(prepared.Value.Target, context.Time, TimeoutOption.Read(parse, timeout));
            var remote = await SipCommandSupport.ReadRemoteAsync(context, connection, cancellationToken);
            if (remote is null)
            {
                return ExitCodes.Failed;
            }
            var plan = SipPlanner.Plan(prepared.Value.Desired, remote);
            if (output.IsJson(parse))
            {
                JsonOutput.Write(context.Terminal, PlanResult.From(plan, connection.Target.Url));
            }
            else
            {
                PlanPrinter.Print(context.Terminal, plan);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
