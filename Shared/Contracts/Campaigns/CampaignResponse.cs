namespace VoiceFunctions.Shared.Campaigns;

/// <summary>The answer of GET /api/campaigns/{id}: the campaign, its progress and one page of its numbers.</summary>
/// <param name="NextPageToken">Pass as ?pageToken= for the next page of numbers; null on the last page.</param>
public sealed record CampaignResponse(string CampaignId, string? Name, CampaignStatus Status, DateTimeOffset CreatedAt,
    CampaignProgress Progress, IReadOnlyList<CampaignNumberResult> Numbers, string? NextPageToken);
