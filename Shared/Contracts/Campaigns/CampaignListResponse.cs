namespace VoiceFunctions.Shared.Campaigns;

/// <summary>The answer of GET /api/campaigns: one page of campaigns (in id order).</summary>
/// <param name="NextPageToken">Pass as ?pageToken= for the next page; null on the last page.</param>
public sealed record CampaignListResponse(IReadOnlyList<CampaignSummary> Campaigns, string? NextPageToken);
