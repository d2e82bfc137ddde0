namespace VoiceFunctions.Functions.Campaigns;

/// <summary>What the store keeps about a campaign besides its numbers.</summary>
public sealed record CampaignMeta(string CampaignId, string? Name, DateTimeOffset CreatedAt, int Total);
