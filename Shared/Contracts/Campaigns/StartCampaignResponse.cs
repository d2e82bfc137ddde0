namespace VoiceFunctions.Shared.Campaigns;

/// <summary>The answer of POST /api/campaigns (202): the campaign's id and how many numbers it will call.</summary>
public sealed record StartCampaignResponse(string CampaignId, int Total);
