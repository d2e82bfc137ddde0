namespace VoiceFunctions.Functions.Campaigns;

/// <summary>One number waiting to be called by a campaign's orchestration.</summary>
/// <param name="Index">Its position in the campaign.</param>
/// <param name="To">The callee.</param>
/// <param name="TimeZone">The callee's IANA time zone (the calling hours are its local times).</param>
/// <param name="Variables">The variables for the agent's prompt.</param>
/// <param name="Attempt">The number of the attempt to make next, from 1.</param>
/// <param name="DueAt">The earliest UTC time of that attempt (a retry's delay, the calling hours).</param>
public sealed record CampaignWork(int Index, string To, string TimeZone, Dictionary<string, string> Variables, int Attempt, DateTime DueAt);
