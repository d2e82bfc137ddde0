using System.Globalization;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Cli.Campaigns;

/// <summary>The table forms: a campaign (its status and counts, then one line per number of the page) and the list of campaigns.</summary>
public static class CampaignFormatter
{
    public static IEnumerable<string> ListLines(CampaignListResponse page)
    {
        yield return $"{"CAMPAIGN",-20}  {"STATUS",-10}  {"CREATED (UTC)",-16}  {"TOTAL",6}  {"DONE",6}  {"ACTIVE",6}  NAME";
        foreach (var c in page.Campaigns)
        {
            var p = c.Progress;
            yield return $"{c.CampaignId,-20}  {c.Status,-10}  {c.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-16}  " +
                $"{p.Total,6}  {p.Done + p.Cancelled,6}  {p.InProgress,6}  {c.Name ?? "-"}";
        }
        if (page.NextPageToken is not null)
        {
            yield return "more campaigns: --page-token " + page.NextPageToken;
        }
    }

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
