namespace VoiceFunctions.Shared.Campaigns;

/// <summary>The answer of POST /api/campaigns/{id}/pause|resume|cancel (202): the request was passed to the campaign.</summary>
/// <param name="Action">"pause", "resume" or "cancel".</param>
public sealed record CampaignActionResponse(string CampaignId, string Action);
