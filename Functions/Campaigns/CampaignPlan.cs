namespace VoiceFunctions.Functions.Campaigns;

/// <summary>A checked campaign request: its name, settings and numbers (each with its resolved time zone).</summary>
public sealed record CampaignPlan(string? Name, CampaignSettings Settings, IReadOnlyList<CampaignWork> Entries);
