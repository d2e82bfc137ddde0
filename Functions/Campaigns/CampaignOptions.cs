using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Configuration section "Campaigns": limits of POST /api/campaigns and where campaigns are kept.</summary>
public sealed class CampaignOptions
{
    public const string SectionName = "Campaigns";

    /// <summary>The table (in the call store's account) holding each campaign and its numbers. Default "campaigns".</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; set; } = "campaigns";

    /// <summary>The most numbers one campaign may have. Default 10,000.</summary>
    [Range(1, 100_000)]
    public int MaxNumbers { get; set; } = 10_000;

    /// <summary>The highest concurrency a campaign may ask for. Default 100.</summary>
    [Range(1, 1000)]
    public int MaxConcurrency { get; set; } = 100;

    /// <summary>The highest pacing a campaign may ask for, in calls per second. Default 50.</summary>
    [Range(0.1, 1000)]
    public double MaxCallsPerSecond { get; set; } = 50;

    /// <summary>The largest request body, in bytes (JSON or CSV). Default 8 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// How long an answered call may hold its place in the campaign's concurrency, in minutes: after that the campaign
    /// stops waiting for its record to be finalized and counts it as done. Default 60.
    /// </summary>
    [Range(1, 24 * 60)]
    public int MaxCallMinutes { get; set; } = 60;

    public const int DefaultCallEndCheckSeconds = 30;

    /// <summary>
    /// The safety net behind the call's own end notice (<see cref="CampaignCallEnd"/>): how often, in seconds, an attempt
    /// whose answered call sent no notice reads the call's record (a record closed by reconciliation sends none). Default 30.
    /// </summary>
    [Range(1, 3600)]
    public int CallEndCheckSeconds { get; set; } = DefaultCallEndCheckSeconds;

    public const int DefaultStepsPerGeneration = 100;

    /// <summary>
    /// How many steps (a batch loaded, an attempt started, an event taken) a campaign's orchestration takes before it
    /// continues as new, which keeps its history (and each replay) small. Default 100.
    /// </summary>
    [Range(5, 1000)]
    public int StepsPerGeneration { get; set; } = DefaultStepsPerGeneration;
}
