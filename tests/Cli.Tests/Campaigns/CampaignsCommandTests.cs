using System.Text.Json;
using VoiceFunctions.Cli.Tests.Support;

namespace VoiceFunctions.Cli.Tests.Campaigns;

/// <summary>`voicectl campaigns …` (the real built voicectl) against the loopback double of the control plane's campaigns API.</summary>
public sealed class CampaignsCommandTests
{
    private static Dictionary<string, string?> Environment(LoopbackOutboundApiDouble api) =>
        new(CorpusEnvironment.Variables) { ["VOICEFUNCTIONS_API_URL"] = api.ApiUrl, ["VOICEFUNCTIONS_API_KEY"] = api.Key };

    private static string TempFile(string extension, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"campaign-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Start_sends_a_csv_file_as_is_with_the_settings_as_query_parameters_to_the_API_double()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();
        var csv = "to,timeZone,name\n+15550001000,Europe/Berlin,Ada\n+15550001001,,Bob\n";

        var result = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "start", TempFile(".csv", csv), "--concurrency", "4", "--rate", "2.5",
            "--hours", "09:00-20:00", "--retry", "busy=3:600", "--retry", "noAnswer=2:60", "--from", "+15550002222", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var answer = OutputSchema.AssertValid("campaigns-start", result.Output);
        Assert.Equal((LoopbackOutboundApiDouble.CampaignId, 2), (answer.GetProperty("campaignId").GetString(), answer.GetProperty("total").GetInt32()));
        var (method, path, type, body) = Assert.Single(api.Requests);
        Assert.Equal(("POST", "text/csv", csv), (method, type, body));
        Assert.Equal("/api/campaigns?from=%2B15550002222&callingHours=09%3A00-20%3A00&concurrency=4&callsPerSecond=2.5&retryBusy=3%3A600&retryNoAnswer=2%3A60", path);
    }

    [Fact]
    public async Task Start_with_a_json_file_sends_its_request_with_the_options_applied_over_its_fields()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();
        var file = TempFile(".json", """{"name":"from-file","concurrency":2,"entries":[{"to":"+15550001000","variables":{"name":"Ada"}}],"retry":{"busy":{"maxAttempts":2,"delaySeconds":30}}}""");

        var result = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "start", file, "--concurrency", "7", "--retry", "failed=2:10");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal($"campaign {LoopbackOutboundApiDouble.CampaignId}: 2 numbers", result.Output.Trim());
        var sent = JsonDocument.Parse(Assert.Single(api.Requests).Body).RootElement;
        Assert.Equal(("from-file", 7), (sent.GetProperty("name").GetString(), sent.GetProperty("concurrency").GetInt32()));
        Assert.Equal("Ada", sent.GetProperty("entries")[0].GetProperty("variables").GetProperty("name").GetString());
        Assert.Equal(2, sent.GetProperty("retry").GetProperty("busy").GetProperty("maxAttempts").GetInt32());
        Assert.Equal(10, sent.GetProperty("retry").GetProperty("failed").GetProperty("delaySeconds").GetInt32());
    }

    [Fact]
    public async Task A_refused_campaign_prints_the_APIs_problems_naming_each_row_and_exits_1()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();
        api.Refusal = "line 3: to: required, an E.164 number such as +15550001111\nretryBusy (query): \"maxAttempts:delaySeconds\", e.g. 3:600";

        var result = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "start", TempFile(".csv", "to\n+15550001000\n555\n"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("line 3: to: required", result.Error);
        Assert.Contains("retryBusy (query)", result.Error);
    }

    [Theory]
    [InlineData("--retry", "busy=3", "--retry 'busy=3' is not OUTCOME=ATTEMPTS:DELAY")]
    [InlineData("--retry", "sometimes=3:60", "--retry 'sometimes=3:60' is not OUTCOME=ATTEMPTS:DELAY")]
    [InlineData("--hours", "9 to 5", "--hours '9 to 5' is not HH:mm-HH:mm")]
    public async Task Bad_options_are_usage_errors_and_nothing_is_sent(string option, string value, string message)
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();

        var result = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "start", TempFile(".csv", "to\n+15550001000\n"), option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Show_json_is_the_APIs_own_answer_and_the_table_lists_the_counts_and_each_number()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();

        var json = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "show", LoopbackOutboundApiDouble.CampaignId, "--json", "--page-size", "50");
        var table = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "show", LoopbackOutboundApiDouble.CampaignId);
        var unknown = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "show", "cmp-ffffffffffffffff");

        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        var campaign = OutputSchema.AssertValid("campaigns-show", json.Output);
        Assert.Equal("InProgress", campaign.GetProperty("numbers")[1].GetProperty("state").GetString());
        Assert.Contains(api.Requests, r => r.PathAndQuery == $"/api/campaigns/{LoopbackOutboundApiDouble.CampaignId}?pageSize=50");
        Assert.Contains("in progress 1", table.Output);
        Assert.Contains("outcomes: Answered 1", table.Output);
        Assert.Contains("+15550001001", table.Output);
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.Contains("no campaign with that id", unknown.Error);
    }

    [Fact]
    public async Task Pause_resume_and_cancel_send_their_action_and_an_ended_campaign_exits_1()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();

        foreach (var action in new[] { "pause", "resume", "cancel" })
        {
            var result = await VoicectlProcess.RunAsync(Environment(api), "campaigns", action, LoopbackOutboundApiDouble.CampaignId, "--json");
            Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
            Assert.Equal(action, OutputSchema.AssertValid("campaigns-action", result.Output).GetProperty("action").GetString());
            Assert.Contains(api.Requests, r => r.Method == "POST" && r.PathAndQuery == $"/api/campaigns/{LoopbackOutboundApiDouble.CampaignId}/{action}");
        }
        api.Campaign = api.Campaign with { Status = Shared.Campaigns.CampaignStatus.Completed };
        var ended = await VoicectlProcess.RunAsync(Environment(api), "campaigns", "resume", LoopbackOutboundApiDouble.CampaignId);

        Assert.Equal(ExitCodes.Failed, ended.ExitCode);
        Assert.Contains("the campaign has ended", ended.Error);
    }
}
