using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Ids of a campaign and of its attempts. The campaign's orchestration instance has the campaign's id; each attempt
/// has its own orchestration and call id, both derived from (campaign, number index, attempt), so a replayed or
/// restarted campaign names the same attempt the same way and never starts it twice.
/// </summary>
public static class CampaignIds
{
    public const string Prefix = "cmp-";

    public static string New() => Prefix + Guid.NewGuid().ToString("N")[..16];

    public static bool IsValid(string? id) =>
        id is { Length: 20 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id.AsSpan(Prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;

    public static string AttemptInstanceId(string campaignId, int index, int attempt) => $"{campaignId}-n{index}-a{attempt}";

    public static string CallId(string campaignId, int index, int attempt) => $"{OutboundCallIds.Prefix}{campaignId}-{index}-{attempt}";
}
