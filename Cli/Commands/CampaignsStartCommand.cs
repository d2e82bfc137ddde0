using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using VoiceFunctions.Cli.Campaigns;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Cli.Commands;

/// <summary>
/// `voicectl campaigns start NUMBERS.(json|csv) [--name] [--from] [--time-zone] [--hours HH:mm-HH:mm] [--concurrency N]
/// [--rate CALLS_PER_SECOND] [--ring-timeout S] [--retry OUTCOME=ATTEMPTS:DELAY …]`: a .json file is a campaign request
/// (the options override its fields), a .csv file is the numbers (header "to", optional "timeZone", one column per
/// variable) with the settings from the options. The API checks everything and names each bad row and field.
/// </summary>
public static class CampaignsStartCommand
{
    private static readonly string[] Outcomes = ["busy", "noAnswer", "machine", "failed"];

    public static Command Create(CliContext context, Func<ParseResult, Func<CampaignsClient, Task<int>>, Task<int>> withClient)
    {
        var file = new Argument<FileInfo>("NUMBERS") { Description = "A .json campaign request or a .csv list of numbers (header row: to,timeZone,<variables>)." };
        var name = new Option<string?>("--name") { HelpName = "TEXT", Description = "A name for people." };
        var from = new Option<string?>("--from") { HelpName = "NUMBER", Description = "The caller ID (one of the configured outbound numbers, E.164)." };
        var zone = new Option<string?>("--time-zone") { HelpName = "IANA", Description = "The callees' time zone when a row names none (default UTC)." };
        var hours = new Option<string?>("--hours") { HelpName = "HH:mm-HH:mm", Description = "When calls may start, in each callee's local time (default: any time)." };
        var concurrency = new Option<int?>("--concurrency") { HelpName = "N", Description = "Calls at once (default 5)." };
        var rate = new Option<double?>("--rate") { HelpName = "CALLS_PER_SECOND", Description = "Calls started per second (default 1)." };
        var ring = new Option<int?>("--ring-timeout") { HelpName = "SECONDS", Description = "How long each call rings (5 to 120)." };
        var retry = new Option<string[]>("--retry")
        {
            HelpName = "OUTCOME=ATTEMPTS:DELAY",
            Description = "A retry rule: busy, noAnswer, machine or failed = attempts in all : seconds between; repeat for more.",
            AllowMultipleArgumentsPerToken = false,
        };
        var key = new Option<string?>("--idempotency-key")
        {
            HelpName = "KEY",
            Description = "Sent as Idempotency-Key: the same key and file again give the same campaign; the key with another request is refused (409).",
        };
        var command = new Command("start", "Start a campaign: call a list of numbers with concurrency, pacing, calling hours and retry rules.")
        {
            file, name, from, zone, hours, concurrency, rate, ring, retry, key,
        };
        var output = OutputOptions.AddTo(command, "campaigns-start");
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return context.UsageError($"{path.FullName} does not exist");
            }
            var rules = new Dictionary<string, RetryRule>(StringComparer.OrdinalIgnoreCase);
            foreach (var text in parse.GetValue(retry) ?? [])
            {
                if (ParseRule(text) is not { } rule)
                {
                    return context.UsageError($"--retry '{text}' is not OUTCOME=ATTEMPTS:DELAY with OUTCOME one of {string.Join(", ", Outcomes)} (e.g. busy=3:600)");
                }
                rules[rule.Outcome] = rule.Rule;
            }
            var hoursText = parse.GetValue(hours);
            var window = hoursText?.Split('-') is { Length: 2 } parts ? new CallingHours(parts[0], parts[1]) : null;
            if (hoursText is not null && window is null)
            {
                return context.UsageError($"--hours '{hoursText}' is not HH:mm-HH:mm (e.g. 09:00-20:00)");
            }
            var csv = path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase);
            StartCampaignRequest? request = null;
            if (!csv)
            {
                try
                {
                    request = JsonSerializer.Deserialize<StartCampaignRequest>(await File.ReadAllBytesAsync(path.FullName, ct), CallsApiJson.Options);
                }
                catch (JsonException e)
                {
                    return context.UsageError($"{path.Name}: not a campaign request: invalid JSON at {e.Path ?? "$"}");
                }
                request = Override(request ?? new StartCampaignRequest(), parse, name, from, zone, window, concurrency, rate, ring, rules);
            }
            return await withClient(parse, async client =>
            {
                var started = csv
                    ? await client.StartCsvAsync(await File.ReadAllBytesAsync(path.FullName, ct), Query(parse, name, from, zone, hoursText, concurrency, rate, ring, rules), parse.GetValue(key), ct)
                    : await client.StartAsync(request!, parse.GetValue(key), ct);
                context.Terminal.Out.WriteLine(output.IsJson(parse)
                    ? JsonSerializer.Serialize(started, CampaignsCommand.ApiJson)
                    : $"campaign {started.CampaignId}: {started.Total} numbers");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static StartCampaignRequest Override(StartCampaignRequest request, ParseResult parse, Option<string?> name, Option<string?> from, Option<string?> zone,
        CallingHours? window, Option<int?> concurrency, Option<double?> rate, Option<int?> ring, Dictionary<string, RetryRule> rules) => request with
    {
        Name = parse.GetValue(name) ?? request.Name,
        From = parse.GetValue(from) ?? request.From,
        TimeZone = parse.GetValue(zone) ?? request.TimeZone,
        CallingHours = window ?? request.CallingHours,
        Concurrency = parse.GetValue(concurrency) ?? request.Concurrency,
        CallsPerSecond = parse.GetValue(rate) ?? request.CallsPerSecond,
        RingTimeoutSeconds = parse.GetValue(ring) ?? request.RingTimeoutSeconds,
        Retry = rules.Count == 0 ? request.Retry : (request.Retry ?? new RetryRules()) with
        {
            Busy = rules.GetValueOrDefault("busy") ?? request.Retry?.Busy,
            NoAnswer = rules.GetValueOrDefault("noAnswer") ?? request.Retry?.NoAnswer,
            Machine = rules.GetValueOrDefault("machine") ?? request.Retry?.Machine,
            Failed = rules.GetValueOrDefault("failed") ?? request.Retry?.Failed,
        },
    };

    /// <summary>The settings of a CSV campaign as the API's query parameters.</summary>
    private static string Query(ParseResult parse, Option<string?> name, Option<string?> from, Option<string?> zone, string? hours,
        Option<int?> concurrency, Option<double?> rate, Option<int?> ring, Dictionary<string, RetryRule> rules)
    {
        var pairs = new List<(string, string?)>
        {
            ("name", parse.GetValue(name)), ("from", parse.GetValue(from)), ("timeZone", parse.GetValue(zone)), ("callingHours", hours),
            ("concurrency", parse.GetValue(concurrency)?.ToString(CultureInfo.InvariantCulture)),
            ("callsPerSecond", parse.GetValue(rate)?.ToString(CultureInfo.InvariantCulture)),
            ("ringTimeoutSeconds", parse.GetValue(ring)?.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (outcome, rule) in rules)
        {
            pairs.Add(("retry" + char.ToUpperInvariant(outcome[0]) + outcome[1..], $"{rule.MaxAttempts}:{rule.DelaySeconds}"));
        }
        var query = string.Join('&', pairs.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        return query.Length == 0 ? "" : "?" + query;
    }

    private static (string Outcome, RetryRule Rule)? ParseRule(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (eq <= 0 || colon < eq)
        {
            return null;
        }
        var outcome = Outcomes.FirstOrDefault(o => o.Equals(text[..eq], StringComparison.OrdinalIgnoreCase));
        return outcome is not null
               && int.TryParse(text[(eq + 1)..colon], CultureInfo.InvariantCulture, out var attempts)
               && int.TryParse(text[(colon + 1)..], CultureInfo.InvariantCulture, out var delay)
            ? (outcome, new RetryRule(attempts, delay))
            : null;
    }
}
