using System.Globalization;
using Microsoft.AspNetCore.Http;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// The settings of a CSV campaign, from the query string: name, from, timeZone, callingHours ("09:00-20:00"),
/// concurrency, callsPerSecond, ringTimeoutSeconds, and retryBusy / retryNoAnswer / retryMachine / retryFailed as
/// "maxAttempts:delaySeconds" (e.g. "3:600"). Problems name the parameter.
/// </summary>
public static class CampaignQuery
{
    public static StartCampaignRequest Settings(IQueryCollection query, List<CampaignEntry> entries, List<string> errors)
    {
        string? Text(string name) => query[name].ToString() is { Length: > 0 } v ? v : null;
        return new StartCampaignRequest
        {
            Name = Text("name"),
            From = Text("from"),
            TimeZone = Text("timeZone"),
            CallingHours = Hours(Text("callingHours"), errors),
            Concurrency = Number(Text("concurrency"), "concurrency", errors, s => int.Parse(s, CultureInfo.InvariantCulture)),
            CallsPerSecond = Number(Text("callsPerSecond"), "callsPerSecond", errors, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
            RingTimeoutSeconds = Number(Text("ringTimeoutSeconds"), "ringTimeoutSeconds", errors, s => int.Parse(s, CultureInfo.InvariantCulture)),
            Retry = new RetryRules
            {
                Busy = Rule(Text("retryBusy"), "retryBusy", errors),
                NoAnswer = Rule(Text("retryNoAnswer"), "retryNoAnswer", errors),
                Machine = Rule(Text("retryMachine"), "retryMachine", errors),
                Failed = Rule(Text("retryFailed"), "retryFailed", errors),
            },
            Entries = entries,
        };
    }

    private static CallingHours? Hours(string? text, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }
        var parts = text.Split('-');
        if (parts.Length != 2)
        {
            errors.Add("callingHours (query): \"HH:mm-HH:mm\", e.g. 09:00-20:00");
            return null;
        }
        return new CallingHours(parts[0].Trim(), parts[1].Trim());
    }

    private static T? Number<T>(string? text, string name, List<string> errors, Func<string, T> parse) where T : struct
    {
        if (text is null)
        {
            return null;
        }
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            errors.Add($"{name} (query): not a number");
            return null;
        }
    }

    private static RetryRule? Rule(string? text, string name, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }
        var parts = text.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var attempts) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var delay))
        {
            return new RetryRule(attempts, delay);
        }
        errors.Add($"{name} (query): \"maxAttempts:delaySeconds\", e.g. 3:600");
        return null;
    }
}
