using System.CommandLine;
using VoiceFunctions.Cli.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Commands;

/// <summary>
/// `voicectl calls place +15550001111 [--from …] [--var name=value …] [--idempotency-key …] [--ring-timeout S] [--wait]`:
/// places one outbound call through the control plane (POST /api/calls); with --wait, follows dialling to its end and
/// exits 0 only when the callee answered.
/// </summary>
public static class CallsPlaceCommand
{
    public static Command Create(CliContext context, Func<ParseResult, Func<Uri, string, HttpClient, Task<int>>, Task<int>> withApi)
    {
        var to = new Argument<string>("TO") { Description = "The callee, E.164 (+15550001111)." };
        var from = new Option<string?>("--from") { HelpName = "NUMBER", Description = "The caller ID to show (one of our numbers, E.164)." };
        var variables = new Option<string[]>("--var") { HelpName = "NAME=VALUE", Description = "A variable for the agent's prompt; repeat for more.", AllowMultipleArgumentsPerToken = false };
        var key = new Option<string?>("--idempotency-key") { HelpName = "KEY", Description = "Makes a repeated command return the call already placed." };
        var ring = new Option<int?>("--ring-timeout") { HelpName = "SECONDS", Description = "How long to ring (5 to 120; default: the control plane's)." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the callee answered or dialling failed, and print the result." };
        var command = new Command("place", "Place one outbound call through the control plane.") { to, from, variables, key, ring, wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var vars = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(variables) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    return context.UsageError($"--var '{pair}' is not NAME=VALUE");
                }
                vars[pair[..eq]] = pair[(eq + 1)..];
            }
            var request = new PlaceCallRequest
            {
                To = parse.GetValue(to), From = parse.GetValue(from), IdempotencyKey = parse.GetValue(key),
                RingTimeoutSeconds = parse.GetValue(ring), Variables = vars.Count > 0 ? vars : null,
            };
            return await withApi(parse, async (url, apiKey, http) =>
            {
                var client = new OutboundCallsClient(http, url, apiKey);
                var placed = await client.PlaceAsync(request, cancellationToken);
                context.Terminal.Out.WriteLine($"callId: {placed.CallId}" + (placed.Created ? "" : " (placed before with this idempotency key)"));
                if (!parse.GetValue(wait))
                {
                    return ExitCodes.Ok;
                }
                while (true)
                {
                    var status = await client.DialStatusAsync(placed.CallId, cancellationToken);
                    if (status.Result is { } result)
                    {
                        context.Terminal.Out.WriteLine($"dial: {result.Outcome} ({result.Reason})");
                        return result.Outcome == DialOutcome.Answered ? ExitCodes.Ok : ExitCodes.Failed;
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(500), context.Time, cancellationToken);
                }
            });
        });
        return command;
    }
}
