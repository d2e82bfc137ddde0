using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>The campaign orchestration's custom status: where it stands and its counts (read by GET /api/campaigns/{id}).</summary>
public sealed record CampaignSnapshot(CampaignStatus Status, CampaignProgress Progress);
