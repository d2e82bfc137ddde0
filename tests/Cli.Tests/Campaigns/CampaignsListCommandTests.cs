using VoiceFunctions.Cli.Tests.Support;

namespace VoiceFunctions.Cli.Tests.Campaigns;

/// <summary>`voicectl campaigns list` and `start --idempotency-key` (the real built voicectl) against the loopback double of the campaigns API.</summary>
public sealed class CampaignsListCommandTests
{
    private static Dictionary<string, string?> Environment(LoopbackOutboundApiDouble api) =>
        new(CorpusEnvironment.Variables) { ["VOICEFUNCTIONS_API_URL"] = api.ApiUrl, ["VOICEFUNCTIONS_API_KEY"] = api.Key };

    [Fact]
    public async Task List_prints_a_page_of_campaigns_with_their_counts_and_the_token_of_the_next_page()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();

        var result = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "list", "--page-size", "1");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var lines = result.Output.Trim().Split('\n');
        Assert.StartsWith("CAMPAIGN", lines[0]);
        Assert.Matches(@"^cmp-0123456789abcdef\s+Running\s+2026-12-01 09:00\s+2\s+1\s+1\s+reminders$", lines[1]);
        Assert.Equal("more campaigns: --page-token page-2", lines[2]);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("GET", "/api/campaigns?pageSize=1"), (request.Method, request.PathAndQuery));
    }

    [Fact]
    public async Task List_json_with_a_page_token_matches_its_schema()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();

        var result = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "list", "--page-token", "page-2", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var page = OutputSchema.AssertValid("campaigns-list", result.Output);
        Assert.Equal("cmp-fedcba9876543210", page.GetProperty("campaigns")[0].GetProperty("campaignId").GetString());
        Assert.Equal("/api/campaigns?pageSize=50&pageToken=page-2", Assert.Single(api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Start_with_an_idempotency_key_sends_it_as_the_Idempotency_Key_header()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"campaign-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "to\n+15550001000\n");

        var result = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "start", path, "--idempotency-key", "renewals-2026-12");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal("renewals-2026-12", Assert.Single(api.IdempotencyKeys));
    }
}
