namespace VoiceFunctions.Shared.Campaigns;

/// <summary>One campaign as GET /api/campaigns lists it: what it is and where it stands (no numbers).</summary>
public sealed record CampaignSummary(string CampaignId, string? Name, CampaignStatus Status, DateTimeOffset CreatedAt, CampaignProgress Progress);
