using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>POST /api/campaigns with an Idempotency-Key, and GET /api/campaigns (the list, a page at a time).</summary>
public sealed class CampaignIdempotencyTests
{
    private static StartCampaignRequest Campaign(string name, params string[] numbers) => new()
    {
        Name = name,
        Concurrency = 2,
        CallsPerSecond = 10,
        Entries = numbers.Select(n => new CampaignEntry(n)).ToList(),
    };

    [SkippableFact]
    public async Task The_same_key_and_request_give_the_same_campaign_once_and_the_key_with_another_request_is_refused_with_409()
    {
        await using var harness = await CampaignHarness.StartAsync();
        var request = Campaign("renewals", "+15550003001", "+15550003002");

        var first = await harness.StartAsync(request, "renewals-2026-12");
        var again = await harness.StartAsync(request with { }, "renewals-2026-12");
        var other = await harness.StartAsync(request with { Name = "renewals, second list" }, "renewals-2026-12");

        Assert.Equal(202, first.Status);
        Assert.Equal(200, again.Status);
        var id = JsonSerializer.Deserialize<StartCampaignResponse>(first.Text, CallsApiJson.Options)!.CampaignId;
        Assert.Equal(id, JsonSerializer.Deserialize<StartCampaignResponse>(again.Text, CallsApiJson.Options)!.CampaignId);
        Assert.Equal(409, other.Status);
        Assert.Contains("Idempotency-Key", other.Text);
        var done = await harness.WaitForEndAsync(id);
        Assert.Equal((2, 2), (done.Progress.Done, done.Progress.Attempts));
        Assert.Equal((1, 1), (harness.DialsTo("+15550003001"), harness.DialsTo("+15550003002")));
    }

    [SkippableFact]
    public async Task A_bad_key_is_refused_with_400_and_nothing_is_stored()
    {
        await using var harness = await CampaignHarness.StartAsync();

        var (status, text) = await harness.StartAsync(Campaign("x", "+15550003001"), "no spaces allowed");

        Assert.Equal(400, status);
        Assert.Contains("Idempotency-Key: 1-64 characters", text);
        Assert.Equal(0, await harness.StoredRowsAsync());
    }

    [SkippableFact]
    public async Task The_list_pages_through_every_campaign_with_its_status_and_progress()
    {
        await using var harness = await CampaignHarness.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await harness.StartOkAsync(Campaign($"list {i}", $"+1555000400{i}")));
        }
        foreach (var id in ids)
        {
            await harness.WaitForEndAsync(id);
        }

        var listed = new List<CampaignSummary>();
        string? token = null;
        var pages = 0;
        do
        {
            var (status, text) = await harness.ListRawAsync("?pageSize=2" + (token is null ? "" : "&pageToken=" + Uri.EscapeDataString(token)));
            Assert.True(status == 200, text);
            var page = JsonSerializer.Deserialize<CampaignListResponse>(text, CallsApiJson.Options)!;
            Assert.True(page.Campaigns.Count <= 2);
            listed.AddRange(page.Campaigns);
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.True(pages >= 2);
        Assert.Equal(ids.Order(), listed.Select(c => c.CampaignId).Order());
        Assert.All(listed, c => Assert.Equal((CampaignStatus.Completed, 1, 1), (c.Status, c.Progress.Total, c.Progress.Done)));
        Assert.Equal("list 1", listed.Single(c => c.CampaignId == ids[1]).Name);
        Assert.Equal(400, (await harness.ListRawAsync("?pageSize=101")).Status);
    }
}
