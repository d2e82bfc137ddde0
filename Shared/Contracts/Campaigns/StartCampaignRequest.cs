namespace VoiceFunctions.Shared.Campaigns;

/// <summary>
/// The JSON body of POST /api/campaigns: the numbers to call and how. A text/csv body carries the entries as rows
/// (a header row naming "to", optionally "timeZone", and one column per variable) and these settings as query
/// parameters of the same names.
/// </summary>
public sealed record StartCampaignRequest
{
    /// <summary>A name for people (at most 100 characters); empty: none.</summary>
    public string? Name { get; init; }

    /// <summary>The caller ID, one of the configured outbound numbers (E.164); empty: the trunk's default.</summary>
    public string? From { get; init; }

    /// <summary>The callees' IANA time zone when an entry names none (e.g. "Europe/Berlin"); empty: "UTC".</summary>
    public string? TimeZone { get; init; }

    /// <summary>When calls may start, in each callee's local time; empty: at any time.</summary>
    public CallingHours? CallingHours { get; init; }

    /// <summary>How many calls (dialling or talking) may run at once; empty: 5.</summary>
    public int? Concurrency { get; init; }

    /// <summary>How many calls may start per second (0.01-50); empty: 1.</summary>
    public double? CallsPerSecond { get; init; }

    /// <summary>How long each call rings, in seconds (5-120); empty: the configured default.</summary>
    public int? RingTimeoutSeconds { get; init; }

    /// <summary>What to do after each unsuccessful outcome; an outcome without a rule is final after one attempt.</summary>
    public RetryRules? Retry { get; init; }

    /// <summary>The numbers to call, in order, with their variables.</summary>
    public List<CampaignEntry>? Entries { get; init; }
}
