using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using VoiceFunctions.Cli.Calls;
using VoiceFunctions.Cli.Output.Results;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl calls list|show|tail`: the call history kept by the control plane.</summary>
public static class CallsCommand
{
    /// <summary>calls list/show print the call API's own JSON (its names and enum spellings), indented.</summary>
    private static readonly JsonSerializerOptions ApiJson = new(Shared.Calls.CallsApiJson.Options) { WriteIndented = true };

    /// <summary>The call API's own names, one object per line, without the empty half of each line.</summary>
    private static readonly JsonSerializerOptions TailJson = new(Shared.Calls.CallsApiJson.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static Command Create(CliContext context)
    {
        var file = TargetOptions.CreateFile("Deployment file whose control_plane.api_url is the call API (without it: VOICEFUNCTIONS_API_URL).");
        var keyEnv = TargetOptions.CreateApiKeyEnv();
        file.Recursive = true;
        keyEnv.Recursive = true;
        return new Command("calls", "Show the call history kept by the control plane (control_plane.api_url or VOICEFUNCTIONS_API_URL).")
        {
            file, keyEnv, ListCommand(context, file, keyEnv), ShowCommand(context, file, keyEnv), TailCommand(context, file, keyEnv),
            CallsPlaceCommand.Create(context, (parse, action) => WithApiAsync(context, parse, file, keyEnv, action)),
        };
    }

    private static Command ListCommand(CliContext context, Option<FileInfo?> file, Option<string> keyEnv)
    {
        var day = new Option<string?>("--day") { HelpName = "DATE", Description = "The day to list, yyyy-MM-dd (default today, UTC)." };
        var limit = new Option<int>("--limit") { HelpName = "N", Description = "At most this many calls (1 to 1000).", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List a day's calls, newest first.") { day, limit };
        var output = OutputOptions.AddTo(command, "calls-list");
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly? date = null;
            if (parse.GetValue(day) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return context.UsageError($"--day '{text}' is not a date like 2026-11-25");
                }
                date = parsed;
            }
            return await WithClientAsync(context, parse, file, keyEnv, async client =>
            {
                var page = await client.ListAsync(date, Math.Clamp(parse.GetValue(limit), 1, 1000), null, cancellationToken);
                if (output.IsJson(parse))
                {
                    context.Terminal.Out.WriteLine(JsonSerializer.Serialize(page, ApiJson));
                    return ExitCodes.Ok;
                }
                var calls = page.Calls;
                context.Terminal.Out.WriteLine($"{calls.Count} calls on {page.Day}");
                if (calls.Count > 0)
                {
                    context.Terminal.Out.WriteLine(CallFormatter.Header);
                }
                foreach (var call in calls)
                {
                    context.Terminal.Out.WriteLine(CallFormatter.Row(call));
                }
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command ShowCommand(CliContext context, Option<FileInfo?> file, Option<string> keyEnv)
    {
        var id = new Argument<string>("CALL_ID") { Description = "The call's id." };
        var command = new Command("show", "Show one call: its record, its turns and its timeline across both planes.") { id };
        var output = OutputOptions.AddTo(command, "calls-show");
        command.SetAction(async (parse, cancellationToken) =>
            await WithClientAsync(context, parse, file, keyEnv, async client =>
            {
                var details = await client.GetAsync(parse.GetValue(id)!, cancellationToken);
                if (output.IsJson(parse))
                {
                    context.Terminal.Out.WriteLine(JsonSerializer.Serialize(details, ApiJson));
                    return ExitCodes.Ok;
                }
                foreach (var line in CallFormatter.Details(details))
                {
                    var lead = line.Length - line.TrimStart().Length;
                    context.Terminal.WriteWrapped(context.Terminal.Out, line.TrimStart(), lead + 4, lead);
                }
                if (details.Record.Recording is not null
                    && await client.GetRecordingLinkAsync(parse.GetValue(id)!, cancellationToken) is { } recording)
                {
                    var until = recording.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                    context.Terminal.Out.WriteLine($"recording link (until {until}Z): {recording.Url}");
                }
                // Already laid out in columns: printed as is (wrapping would collapse the column padding).
                foreach (var line in CallFormatter.TimelineTable(details.Timeline))
                {
                    context.Terminal.Out.WriteLine(line);
                }
                return ExitCodes.Ok;
            }));
        return command;
    }

    private static Command TailCommand(CliContext context, Option<FileInfo?> file, Option<string> keyEnv)
    {
        var interval = new Option<double>("--interval") { HelpName = "SECONDS", Description = "Seconds between polls.", DefaultValueFactory = _ => 2 };
        var duration = new Option<double?>("--for") { HelpName = "SECONDS", Description = "Stop after this many seconds (default: until Ctrl+C)." };
        var max = new Option<int?>("--max") { HelpName = "N", Description = "Stop after printing this many calls and turns." };
        var command = new Command("tail", "Follow today's calls: print each new call, each change of a call's outcome, and the turns of calls in progress as they happen.") { interval, duration, max };
        var output = OutputOptions.AddTo(command, "calls-tail");
        command.SetAction(async (parse, cancellationToken) =>
            await WithClientAsync(context, parse, file, keyEnv, async client =>
            {
                var seconds = parse.GetValue(duration);
                using var deadline = new CancellationTokenSource(seconds is { } s ? TimeSpan.FromSeconds(s) : Timeout.InfiniteTimeSpan, context.Time);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
                void Print(string line)
                {
                    var lead = line.Length - line.TrimStart().Length;
                    context.Terminal.WriteWrapped(context.Terminal.Out, line.TrimStart(), lead + 4, lead);
                }
                void PrintLine(CallTailLine line) => context.Terminal.Out.WriteLine(JsonSerializer.Serialize(line, TailJson));
                var rows = parse.GetValue(max) ?? int.MaxValue;
                var json = output.IsJson(parse);
                var tail = json
                    ? new CallTail(client, call => PrintLine(CallTailLine.ForCall(call)), (callId, turn) => PrintLine(CallTailLine.ForTurn(callId, turn)), rows)
                    : new CallTail(client, call => Print(CallFormatter.Row(call)), (_, turn) =>
                    {
                        foreach (var line in CallFormatter.TailTurn(turn))
                        {
                            Print(line);
                        }
                    }, rows);
                if (!json)
                {
                    context.Terminal.Out.WriteLine(CallFormatter.Header);
                }
                while (!stop.IsCancellationRequested)
                {
                    await tail.PollAsync(stop.Token);
                    await context.Terminal.Out.FlushAsync(stop.Token);
                    if (tail.Done)
                    {
                        break;
                    }
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(interval), 0.2, 60)), context.Time, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
                return ExitCodes.Ok;
            }, tolerateCancel: true));
        return command;
    }

    private static Task<int> WithClientAsync(CliContext context, ParseResult parse, Option<FileInfo?> file, Option<string> keyEnv,
        Func<CallsApiClient, Task<int>> action, bool tolerateCancel = false) =>
        WithApiAsync(context, parse, file, keyEnv, (url, key, http) => action(new CallsApiClient(http, url, key)), tolerateCancel);

    internal static async Task<int> WithApiAsync(CliContext context, ParseResult parse, Option<FileInfo?> file, Option<string> keyEnv,
        Func<Uri, string, HttpClient, Task<int>> action, bool tolerateCancel = false)
    {
        var url = ApiUrl(context, parse.GetValue(file), out var exitCode);
        if (url is null)
        {
            return exitCode;
        }
        var variable = parse.GetValue(keyEnv)!;
        var key = context.Environment(variable);
        if (string.IsNullOrEmpty(key))
        {
            return context.UsageError($"{variable} is not set (the control plane's API key)");
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        try
        {
            return await action(url, key, http);
        }
        catch (CallsApiException e)
        {
            context.Terminal.Error.WriteLine($"voicectl: the call API at {url} refused: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (HttpRequestException e)
        {
            context.Terminal.Error.WriteLine($"voicectl: cannot reach the call API at {url}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (tolerateCancel)
        {
            return ExitCodes.Ok;
        }
        catch (JsonException e)
        {
            context.Terminal.Error.WriteLine($"voicectl: the call API at {url} did not answer JSON: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static Uri? ApiUrl(CliContext context, FileInfo? file, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        string? text = context.Environment("VOICEFUNCTIONS_API_URL");
        if (file is not null)
        {
            var document = DeploymentFileArgument.Load(context, file, out exitCode);
            if (document is null)
            {
                return null;
            }
            text = document.File?.ControlPlane?.ApiUrl?.Value ?? text;
        }
        if (string.IsNullOrEmpty(text) || !Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            exitCode = context.UsageError("give --file voice.yaml with control_plane.api_url, or set VOICEFUNCTIONS_API_URL");
            return null;
        }
        return url;
    }
}
