namespace VoiceFunctions.Functions.Campaigns;

/// <summary>The names of the campaign activities (the same in Azure Functions and the Durable Task worker).</summary>
public static class CampaignActivityNames
{
    public const string LoadCampaignWork = "LoadCampaignWork";
    public const string SettleCampaignAttempt = "SettleCampaignAttempt";
    public const string CancelCampaignNumbers = "CancelCampaignNumbers";
    public const string IsCallFinished = "IsCallFinished";
    public const string StartCampaignAttempts = "StartCampaignAttempts";
}
