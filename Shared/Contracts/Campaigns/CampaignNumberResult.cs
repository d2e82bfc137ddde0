using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Shared.Campaigns;

/// <summary>One number of a campaign as GET /api/campaigns/{id} lists it.</summary>
/// <param name="Index">The entry's position in the request, from 0 (CSV: the data row, from 0).</param>
/// <param name="To">The callee.</param>
/// <param name="State">Where the number stands.</param>
/// <param name="Outcome">How the last attempt ended, once one has.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="LastCallId">The call id of the last attempt (GET /api/calls/{id}).</param>
/// <param name="LastAttemptAt">When the last attempt started.</param>
/// <param name="NextAttemptAt">When the next attempt is due (state WaitingToRetry).</param>
public sealed record CampaignNumberResult(int Index, string To, CampaignNumberState State, DialOutcome? Outcome, int Attempts,
    string? LastCallId, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt);
