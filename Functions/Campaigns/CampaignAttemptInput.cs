namespace VoiceFunctions.Functions.Campaigns;

/// <summary>The input of one attempt: which campaign (and its orchestration, told when the attempt ended), the number, the settings.</summary>
public sealed record CampaignAttemptInput(string CampaignId, string CampaignInstanceId, CampaignWork Work, CampaignSettings Settings);
