using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>A change of one number's row: its state and, when known, the last attempt's outcome and times.</summary>
public sealed record CampaignNumberUpdate(string CampaignId, int Index, CampaignNumberState State, DialOutcome? Outcome, int Attempts,
    string? LastCallId, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt);
