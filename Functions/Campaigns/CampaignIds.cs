using System.Globalization;
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

    /// <summary>The attempt orchestration that placed a campaign call (the inverse of <see cref="CallId"/>); null for any other call id.</summary>
    public static string? AttemptInstanceOfCall(string callId)
    {
        var prefixLength = OutboundCallIds.Prefix.Length + Prefix.Length + 16;
        if (!callId.StartsWith(OutboundCallIds.Prefix + Prefix, StringComparison.Ordinal) || callId.Length <= prefixLength || callId[prefixLength] != '-')
        {
            return null;
        }
        var campaignId = callId[OutboundCallIds.Prefix.Length..prefixLength];
        var parts = callId[(prefixLength + 1)..].Split('-');
        return IsValid(campaignId) && parts.Length == 2 && IsCount(parts[0], out var index) && IsCount(parts[1], out var attempt)
            ? AttemptInstanceId(campaignId, index, attempt)
            : null;
    }

    private static bool IsCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value.ToString(CultureInfo.InvariantCulture) == text;
}
