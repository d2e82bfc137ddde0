using System.Globalization;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Checks a campaign request; every problem names its field (and the entry: "entries[3].to", or the CSV line:
/// "line 5: to"), never echoing a phone number. Nothing starts unless there are no problems.
/// </summary>
public sealed class CampaignValidator(CampaignOptions options, IReadOnlyCollection<string> callerIds, int defaultRingTimeoutSeconds)
{
    public const int MaxNameLength = 100;
    public const int MaxErrors = 50;

    /// <param name="names">Names an entry for an error ("entries[3].to" for JSON, "line 5: to" for CSV).</param>
    public (CampaignPlan? Plan, IReadOnlyList<string> Errors) Validate(StartCampaignRequest request, EntryNames names)
    {
        var errors = new List<string>();
        if (request.Name is { Length: > MaxNameLength })
        {
            errors.Add($"name: at most {MaxNameLength} characters");
        }
        if (PlaceCallValidator.FromProblem(request.From, callerIds) is { } from)
        {
            errors.Add(from);
        }
        var defaultZone = request.TimeZone ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(defaultZone, out _))
        {
            errors.Add("timeZone: not a known IANA time zone (e.g. Europe/Berlin, America/New_York)");
        }
        var (start, end) = Hours(request.CallingHours, errors);
        var concurrency = request.Concurrency ?? 5;
        if (concurrency < 1 || concurrency > options.MaxConcurrency)
        {
            errors.Add($"concurrency: from 1 to {options.MaxConcurrency}");
        }
        var rate = request.CallsPerSecond ?? 1;
        if (!(rate >= 0.01 && rate <= options.MaxCallsPerSecond))
        {
            errors.Add($"callsPerSecond: from 0.01 to {options.MaxCallsPerSecond.ToString(CultureInfo.InvariantCulture)}");
        }
        var ring = request.RingTimeoutSeconds ?? defaultRingTimeoutSeconds;
        if (ring is < 5 or > 120)
        {
            errors.Add("ringTimeoutSeconds: from 5 to 120");
        }
        var retry = request.Retry ?? new RetryRules();
        CheckRule(retry.Busy, "retry.busy", errors);
        CheckRule(retry.NoAnswer, "retry.noAnswer", errors);
        CheckRule(retry.Machine, "retry.machine", errors);
        CheckRule(retry.Failed, "retry.failed", errors);
        var entries = Entries(request.Entries, defaultZone, names, errors);
        if (errors.Count > 0)
        {
            return (null, Capped(errors));
        }
        var settings = new CampaignSettings(request.From, start, end, concurrency, rate, ring, retry, options.MaxCallMinutes, options.StepsPerGeneration, options.CallEndCheckSeconds);
        return (new CampaignPlan(request.Name, settings, entries), []);
    }

    private List<CampaignWork> Entries(List<CampaignEntry>? entries, string defaultZone, EntryNames names, List<string> errors)
    {
        var work = new List<CampaignWork>();
        if (entries is not { Count: > 0 })
        {
            errors.Add("entries: at least one number is required");
            return work;
        }
        if (entries.Count > options.MaxNumbers)
        {
            errors.Add($"entries: {entries.Count} numbers, at most {options.MaxNumbers} per campaign");
            return work;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is null)
            {
                errors.Add($"{names.Entry(i)}: an entry is required, not null");
                continue;
            }
            if (!PlaceCallValidator.IsE164(entry.To))
            {
                errors.Add($"{names.Field(i, "to")}: required, an E.164 number such as +15550001111");
            }
            else if (!seen.TryAdd(entry.To!, i))
            {
                errors.Add($"{names.Field(i, "to")}: the same number as {names.Entry(seen[entry.To!])}");
            }
            var zone = entry.TimeZone is { Length: > 0 } z ? z : defaultZone;
            if (entry.TimeZone is { Length: > 0 } && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                errors.Add($"{names.Field(i, "timeZone")}: not a known IANA time zone (e.g. Europe/Berlin)");
            }
            if (entry.Variables is { } variables)
            {
                PlaceCallValidator.AddVariableProblems(variables, names.Field(i, "variables"), errors);
            }
            work.Add(new CampaignWork(i, entry.To ?? "", zone, entry.Variables ?? [], 1, DateTime.MinValue));
        }
        return work;
    }

    private static (TimeOnly? Start, TimeOnly? End) Hours(CallingHours? hours, List<string> errors)
    {
        if (hours is null)
        {
            return (null, null);
        }
        var start = Time(hours.Start, "callingHours.start", errors);
        var end = Time(hours.End, "callingHours.end", errors);
        if (start is not null && start == end)
        {
            errors.Add("callingHours: start and end are equal (an empty window); leave callingHours out to call at any time");
        }
        return (start, end);
    }

    private static TimeOnly? Time(string? text, string field, List<string> errors)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add($"{field}: required, a local time \"HH:mm\" (24-hour), e.g. \"09:00\"");
        return null;
    }

    private static void CheckRule(RetryRule? rule, string field, List<string> errors)
    {
        if (rule is null)
        {
            return;
        }
        if (rule.MaxAttempts is < 1 or > 10)
        {
            errors.Add($"{field}.maxAttempts: from 1 to 10 (attempts in all, the first included)");
        }
        if (rule.DelaySeconds is < 0 or > 86_400)
        {
            errors.Add($"{field}.delaySeconds: from 0 to 86400");
        }
    }

    private static List<string> Capped(List<string> errors) =>
        errors.Count <= MaxErrors ? errors : [.. errors.Take(MaxErrors), $"… and {errors.Count - MaxErrors} more problems"];
}
