using System.CommandLine;
using System.Text.Json;
using VoiceFunctions.Cli.Campaigns;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl campaigns start|list|show|pause|resume|cancel`: outbound campaigns run by the control plane.</summary>
public static class CampaignsCommand
{
    /// <summary>The campaigns API's own JSON (its names and enum spellings), indented.</summary>
    internal static readonly JsonSerializerOptions ApiJson = new(Shared.Calls.CallsApiJson.Options) { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var file = TargetOptions.CreateFile("Deployment file whose control_plane.api_url is the API (without it: VOICEFUNCTIONS_API_URL).");
        var keyEnv = TargetOptions.CreateApiKeyEnv();
        file.Recursive = true;
        keyEnv.Recursive = true;
        Task<int> WithClient(ParseResult parse, Func<CampaignsClient, Task<int>> action) =>
            CallsCommand.WithApiAsync(context, parse, file, keyEnv, (url, key, http) => action(new CampaignsClient(http, url, key)));
        return new Command("campaigns", "Start, follow, pause, resume and cancel outbound campaigns (control_plane.api_url or VOICEFUNCTIONS_API_URL).")
        {
            file, keyEnv, CampaignsStartCommand.Create(context, WithClient), ListCommand(context, WithClient), ShowCommand(context, WithClient),
            ActionCommand(context, WithClient, "pause", "Pause a campaign: no new call starts until it is resumed."),
            ActionCommand(context, WithClient, "resume", "Resume a paused campaign."),
            ActionCommand(context, WithClient, "cancel", "Cancel a campaign: no new call starts; the numbers not called yet are cancelled."),
        };
    }

    private static Command ListCommand(CliContext context, Func<ParseResult, Func<CampaignsClient, Task<int>>, Task<int>> withClient)
    {
        var pageSize = new Option<int>("--page-size") { HelpName = "N", Description = "Campaigns per page (1 to 100).", DefaultValueFactory = _ => 50 };
        var pageToken = new Option<string?>("--page-token") { HelpName = "TOKEN", Description = "The page after the one that printed this token." };
        var command = new Command("list", "List the campaigns a page at a time: id, status, counts and name.") { pageSize, pageToken };
        var output = OutputOptions.AddTo(command, "campaigns-list");
        command.SetAction(async (parse, ct) => await withClient(parse, async client =>
        {
            var page = await client.ListAsync(Math.Clamp(parse.GetValue(pageSize), 1, 100), parse.GetValue(pageToken), ct);
            if (output.IsJson(parse))
            {
                context.Terminal.Out.WriteLine(JsonSerializer.Serialize(page, ApiJson));
                return ExitCodes.Ok;
            }
            foreach (var line in CampaignFormatter.ListLines(page))
            {
                context.Terminal.Out.WriteLine(line);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ShowCommand(CliContext context, Func<ParseResult, Func<CampaignsClient, Task<int>>, Task<int>> withClient)
    {
        var id = new Argument<string>("CAMPAIGN_ID") { Description = "The campaign's id (cmp-…)." };
        var pageSize = new Option<int>("--page-size") { HelpName = "N", Description = "Numbers per page (1 to 1000).", DefaultValueFactory = _ => 100 };
        var pageToken = new Option<string?>("--page-token") { HelpName = "TOKEN", Description = "The page after the one that printed this token." };
        var command = new Command("show", "Show a campaign: its status, counts per state and outcome, and a page of its numbers.") { id, pageSize, pageToken };
        var output = OutputOptions.AddTo(command, "campaigns-show");
        command.SetAction(async (parse, ct) => await withClient(parse, async client =>
        {
            var campaign = await client.GetAsync(parse.GetValue(id)!, Math.Clamp(parse.GetValue(pageSize), 1, 1000), parse.GetValue(pageToken), ct);
            if (output.IsJson(parse))
            {
                context.Terminal.Out.WriteLine(JsonSerializer.Serialize(campaign, ApiJson));
                return ExitCodes.Ok;
            }
            foreach (var line in CampaignFormatter.Lines(campaign))
            {
                context.Terminal.Out.WriteLine(line);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ActionCommand(CliContext context, Func<ParseResult, Func<CampaignsClient, Task<int>>, Task<int>> withClient, string action, string description)
    {
        var id = new Argument<string>("CAMPAIGN_ID") { Description = "The campaign's id (cmp-…)." };
        var command = new Command(action, description) { id };
        var output = OutputOptions.AddTo(command, "campaigns-action");
        command.SetAction(async (parse, ct) => await withClient(parse, async client =>
        {
            var answer = await client.ControlAsync(parse.GetValue(id)!, action, ct);
            context.Terminal.Out.WriteLine(output.IsJson(parse)
                ? JsonSerializer.Serialize(answer, ApiJson)
                : $"campaign {answer.CampaignId}: {action} requested");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
