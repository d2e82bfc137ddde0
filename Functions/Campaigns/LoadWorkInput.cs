namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Which numbers of a campaign to load: <see cref="Count"/> from <see cref="From"/> on.</summary>
public sealed record LoadWorkInput(string CampaignId, int From, int Count);
