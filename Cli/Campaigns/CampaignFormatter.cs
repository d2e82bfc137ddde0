using System.Globalization;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Cli.Campaigns;

/// <summary>The table form of a campaign: its status and counts, then one line per number of the page.</summary>
public static class CampaignFormatter
{
    public static IEnumerable<string> Lines(CampaignResponse campaign)
    {
        var p = campaign.Progress;
        yield return $"campaign {campaign.CampaignId}" + (campaign.Name is { } name ? $" ({name})" : "") + $": {campaign.Status}";
        yield return $"numbers: {p.Total}  pending {p.Pending}  in progress {p.InProgress}  waiting to retry {p.WaitingToRetry}  done {p.Done}  cancelled {p.Cancelled}  attempts {p.Attempts}";
        if (p.Outcomes.Count > 0)
        {
            yield return "outcomes: " + string.Join("  ", p.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"));
        }
        if (campaign.Numbers.Count > 0)
        {
            yield return $"{"#",6}  {"NUMBER",-16}  {"STATE",-14}  {"OUTCOME",-9}  {"TRIES",5}  LAST CALL";
        }
        foreach (var n in campaign.Numbers)
        {
            var next = n.NextAttemptAt is { } at ? " next " + at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "Z" : "";
            yield return $"{n.Index,6}  {n.To,-16}  {n.State,-14}  {n.Outcome?.ToString() ?? "-",-9}  {n.Attempts,5}  {n.LastCallId ?? "-"}{next}";
        }
        if (campaign.NextPageToken is not null)
        {
            yield return "more numbers: --page-token " + campaign.NextPageToken;
        }
    }
}
