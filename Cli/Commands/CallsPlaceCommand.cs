using System.CommandLine;
using VoiceFunctions.Cli.Calls;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Output.Results;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Commands;

/// <summary>
/// `voicectl calls place +15550001111 [--from …] [--var name=value …] [--idempotency-key …] [--ring-timeout S] [--wait]`:
/// places one outbound call through the control plane (POST /api/calls); with --wait, follows dialling to its end and
/// exits 0 only when the callee answered. With --json it prints one object when it ends.
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
        var output = OutputOptions.AddTo(command, "calls-place");
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
                var json = output.IsJson(parse);
                if (!json)
                {
                    context.Terminal.Out.WriteLine($"callId: {placed.CallId}" + (placed.Created ? "" : " (placed before with this idempotency key)"));
                }
                var dial = parse.GetValue(wait) ? await DialResultAsync(client, placed.CallId, context.Time, cancellationToken) : null;
                if (json)
                {
                    JsonOutput.Write(context.Terminal, new CallPlaceResult(placed.CallId, placed.Created, dial));
                }
                else if (dial is not null)
                {
                    context.Terminal.Out.WriteLine($"dial: {dial.Outcome} ({dial.Reason})");
                }
                return dial is null || dial.Outcome == DialOutcome.Answered ? ExitCodes.Ok : ExitCodes.Failed;
            });
        });
        return command;
    }

    /// <summary>Follows dialling until the control plane knows how it ended.</summary>
    private static async Task<DialResult> DialResultAsync(OutboundCallsClient client, string callId, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            if ((await client.DialStatusAsync(callId, cancellationToken)).Result is { } result)
            {
                return result;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
        }
    }
}
