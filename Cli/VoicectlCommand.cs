using System.CommandLine;
using System.CommandLine.Help;
using VoiceFunctions.Cli.Commands;

namespace VoiceFunctions.Cli;

/// <summary>The command tree of voicectl.</summary>
public static class VoicectlCommand
{
    public static RootCommand Create(CliContext context)
    {
        var sip = new Command("sip", "SIP trunks and dispatch rules as code: validate, plan, apply, rollback.")
        {
            SipValidateCommand.Create(context),
            SipSimulateCommand.Create(context),
            SipSchemaCommand.Create(context),
            SipBridgeConfigCommand.Create(context),
            SipPlanCommand.Create(context),
            SipApplyCommand.Create(context),
            SipBackupsCommand.Create(context),
            SipRollbackCommand.Create(context),
            SipExportCommand.Create(context),
        };
        var root = new RootCommand("voicectl: SIP/LiveKit configuration as code and diagnostics for VoiceFunctions")
        {
            sip, DoctorCommand.Create(context), TokenCommand.Create(context), CallsCommand.Create(context), CampaignsCommand.Create(context),
            AlertsCommand.Create(context),
            CompletionCommand.Create(context), DocsCommand.Create(context),
        };
        // Help fits an 80-column terminal like the rest of the output, also when piped.
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                action.MaxWidth = Output.Terminal.Width;
            }
        }
        return root;
    }

    /// <summary>Parses and runs; a command-line error prints its reason and exits with 2, not 1.</summary>
    public static async Task<int> RunAsync(CliContext context, string[] args)
    {
        var parse = Create(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Terminal.Error.WriteLine("voicectl: " + error.Message);
            }
            context.Terminal.Error.WriteLine("Run 'voicectl --help' for usage.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = context.Terminal.Out,
            Error = context.Terminal.Error,
        });
    }
}
