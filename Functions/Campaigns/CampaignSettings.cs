using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>A campaign's checked settings, as its orchestrations use them.</summary>
/// <param name="From">The caller ID, or null for the trunk's default.</param>
/// <param name="HoursStart">The local time calls may start from, or null for any time.</param>
/// <param name="HoursEnd">The local time calls may start until (exclusive), or null for any time.</param>
/// <param name="Concurrency">How many calls may run at once.</param>
/// <param name="CallsPerSecond">How many calls may start per second.</param>
/// <param name="RingTimeoutSeconds">How long each call rings.</param>
/// <param name="Retry">The retry rule of each outcome.</param>
/// <param name="MaxCallMinutes">How long an answered call may hold its place (<see cref="CampaignOptions.MaxCallMinutes"/>).</param>
/// <param name="StepsPerGeneration">Steps before the orchestration continues as new (<see cref="CampaignOptions.StepsPerGeneration"/>).</param>
/// <param name="CallEndCheckSeconds">The safety net's period for an answered call's end (<see cref="CampaignOptions.CallEndCheckSeconds"/>).</param>
public sealed record CampaignSettings(string? From, TimeOnly? HoursStart, TimeOnly? HoursEnd, int Concurrency, double CallsPerSecond,
    int RingTimeoutSeconds, RetryRules Retry, int MaxCallMinutes, int StepsPerGeneration = CampaignOptions.DefaultStepsPerGeneration,
    int CallEndCheckSeconds = CampaignOptions.DefaultCallEndCheckSeconds);
