using System.CommandLine;
using Azure;
using Azure.Identity;
using Azure.ResourceManager;
using VoiceFunctions.Cli.Alerts;
using VoiceFunctions.Cli.Output;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl alerts test|list`: do alerts reach us, and are the deployment's alert rules there and enabled.</summary>
public static class AlertsCommand
{
    public static Command Create(CliContext context) =>
        new("alerts", "Send a test alert through the configured channel, or list the deployment's Azure Monitor alert rules.")
        {
            TestCommand(context), ListCommand(context),
        };

    private static Command TestCommand(CliContext context)
    {
        var url = new Option<string?>("--url") { HelpName = "URL", Description = "The alert webhook to test (without it: --settings, then the variable Health__AlertWebhookUrl)." };
        var settings = new Option<FileInfo?>("--settings") { HelpName = "FILE", Description = "The function app's local.settings.json holding Values.Health__AlertWebhookUrl." };
        var timeout = TimeoutOption.Create();
        var command = new Command("test", "Send a test alert through the control plane's alert channel and report whether it was delivered (exit 0 delivered, 1 not, 2 no channel).")
        {
            url, settings, timeout,
        };
        var output = OutputOptions.AddTo(command, "alerts-test");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var channel = AlertChannel.Resolve(parse.GetValue(url), parse.GetValue(settings), context.Environment, out var problem);
            if (channel is null)
            {
                return context.UsageError(problem!);
            }
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var result = await new AlertTestSender(http, context.Time).SendAsync(channel, $"sent at {context.Time.GetUtcNow():u}; no action needed",
                TimeoutOption.Read(parse, timeout), cancellationToken);
            if (output.IsJson(parse))
            {
                JsonOutput.Write(context.Terminal, result);
            }
            else
            {
                var line = result.Delivered
                    ? context.Terminal.Green("delivered") + $": {result.Channel} (from {result.Source}) answered HTTP {result.Status} in {result.ElapsedMs:0} ms"
                    : context.Terminal.Red("NOT delivered") + $": {result.Channel} (from {result.Source}): {result.Error}";
                context.Terminal.Out.WriteLine(line);
            }
            return result.Delivered ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var subscription = new Option<string?>("--subscription") { HelpName = "ID", Description = "Azure subscription id (without it: AZURE_SUBSCRIPTION_ID)." };
        var group = new Option<string>("--resource-group", "-g") { HelpName = "NAME", Description = "The deployment's resource group.", Required = true };
        var prefix = new Option<string>("--name-prefix") { HelpName = "PREFIX", Description = "infra.bicep's namePrefix: rules are named PREFIX-….", DefaultValueFactory = _ => "voicefn" };
        var endpoint = new Option<string?>("--arm-endpoint") { HelpName = "URL", Description = "Azure Resource Manager endpoint, for sovereign clouds (without it: the public cloud)." };
        var command = new Command("list", "List the deployment's alert rules and whether each is enabled (exit 0 all expected rules enabled, 1 not, 2 no credentials).")
        {
            subscription, group, prefix, endpoint,
        };
        var output = OutputOptions.AddTo(command, "alerts-list");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var subscriptionId = parse.GetValue(subscription) ?? context.Environment("AZURE_SUBSCRIPTION_ID");
            if (string.IsNullOrEmpty(subscriptionId))
            {
                return context.UsageError("give --subscription, or set AZURE_SUBSCRIPTION_ID");
            }
            var credential = AzureCredentials.Resolve(context.Environment, context.Time, out var credentialName, out var problem);
            if (credential is null)
            {
                return context.UsageError(problem!);
            }
            var options = new ArmClientOptions();
            if (parse.GetValue(endpoint) is { } text)
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var arm) || arm.Scheme != Uri.UriSchemeHttps)
                {
                    return context.UsageError($"--arm-endpoint '{text}' is not an https URL");
                }
                options.Environment = new ArmEnvironment(arm, arm.GetLeftPart(UriPartial.Authority));
            }
            context.Terminal.Progress($"reading alert rules of {parse.GetValue(group)} with {credentialName}");
            AlertListResult result;
            try
            {
                result = await new AlertRulesReader(credential, options).ReadAsync(subscriptionId, parse.GetValue(group)!, parse.GetValue(prefix)!, cancellationToken);
            }
            catch (RequestFailedException e)
            {
                context.Terminal.Error.WriteLine($"voicectl: Azure Resource Manager refused: HTTP {e.Status} {e.ErrorCode}" +
                    (e.Status is 401 or 403 ? $" ({credentialName} may not read the resource group: it needs the Reader role)" : ""));
                return ExitCodes.Failed;
            }
            catch (AuthenticationFailedException e)
            {
                context.Terminal.Error.WriteLine($"voicectl: no Azure token from {credentialName}: {e.Message.Split('\n')[0]}");
                return ExitCodes.Usage;
            }
            if (output.IsJson(parse))
            {
                JsonOutput.Write(context.Terminal, result);
            }
            else
            {
                AlertRulesPrinter.Print(context.Terminal, result);
            }
            return result.Ok ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
