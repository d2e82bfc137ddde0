namespace VoiceFunctions.Shared.Campaigns;

/// <summary>One number of a campaign.</summary>
/// <param name="To">The callee, E.164.</param>
/// <param name="TimeZone">The callee's IANA time zone when it differs from the campaign's; else null.</param>
/// <param name="Variables">Variables for the agent's prompt on this call; null: none.</param>
public sealed record CampaignEntry(string? To, string? TimeZone = null, Dictionary<string, string>? Variables = null);
