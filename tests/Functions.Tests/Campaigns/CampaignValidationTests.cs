using VoiceFunctions.Functions.Campaigns;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>Every kind of bad campaign request is refused with a problem naming its field (and the entry), and nothing starts.</summary>
public sealed class CampaignValidationTests
{
    private static readonly CampaignValidator Validator = new(new CampaignOptions { MaxNumbers = 5, MaxConcurrency = 20, MaxCallsPerSecond = 10 }, ["+15550002222"], 30);

    private static StartCampaignRequest Good => new() { Entries = [new CampaignEntry("+15550001111"), new CampaignEntry("+15550001112")] };

    private static IReadOnlyList<string> Problems(StartCampaignRequest request) => Validator.Validate(request, EntryNames.Json).Errors;

    [Fact]
    public void A_good_request_becomes_a_plan_with_the_defaults_and_each_entrys_time_zone()
    {
        var (plan, errors) = Validator.Validate(Good with
        {
            TimeZone = "Europe/Berlin",
            Entries = [new CampaignEntry("+15550001111"), new CampaignEntry("+15550001112", "America/New_York", new() { ["name"] = "Ada" })],
        }, EntryNames.Json);

        Assert.Empty(errors);
        Assert.Equal((5, 1.0, 30, null, null), (plan!.Settings.Concurrency, plan.Settings.CallsPerSecond, plan.Settings.RingTimeoutSeconds, plan.Settings.HoursStart, plan.Settings.From));
        Assert.Equal(["Europe/Berlin", "America/New_York"], plan.Entries.Select(e => e.TimeZone));
        Assert.Equal("Ada", plan.Entries[1].Variables["name"]);
    }

    [Theory]
    [InlineData("to", "entries[1].to: required, an E.164 number such as +15550001111")]
    [InlineData("duplicate", "entries[1].to: the same number as entries[0]")]
    [InlineData("zone", "timeZone: not a known IANA time zone (e.g. Europe/Berlin, America/New_York)")]
    [InlineData("entryZone", "entries[1].timeZone: not a known IANA time zone (e.g. Europe/Berlin)")]
    [InlineData("hours", "callingHours.start: required, a local time \"HH:mm\" (24-hour), e.g. \"09:00\"")]
    [InlineData("emptyHours", "callingHours: start and end are equal (an empty window); leave callingHours out to call at any time")]
    [InlineData("attempts", "retry.busy.maxAttempts: from 1 to 10 (attempts in all, the first included)")]
    [InlineData("delay", "retry.noAnswer.delaySeconds: from 0 to 86400")]
    [InlineData("tooMany", "entries: 6 numbers, at most 5 per campaign")]
    [InlineData("none", "entries: at least one number is required")]
    [InlineData("concurrency", "concurrency: from 1 to 20")]
    [InlineData("rate", "callsPerSecond: from 0.01 to 10")]
    [InlineData("from", "from: not one of our outbound numbers (Outbound:CallerIds)")]
    [InlineData("variable", "entries[0].variables: a name must be 1-64 characters from A-Z, a-z, 0-9, '_'")]
    [InlineData("ring", "ringTimeoutSeconds: from 5 to 120")]
    public void Each_kind_of_bad_input_is_named_by_its_field(string kind, string problem)
    {
        var request = kind switch
        {
            "to" => Good with { Entries = [new("+15550001111"), new("555-0001")] },
            "duplicate" => Good with { Entries = [new("+15550001111"), new("+15550001111")] },
            "zone" => Good with { TimeZone = "Mars/Olympus_Mons" },
            "entryZone" => Good with { Entries = [new("+15550001111"), new("+15550001112", "Nowhere/City")] },
            "hours" => Good with { CallingHours = new("9am", "17:00") },
            "emptyHours" => Good with { CallingHours = new("09:00", "09:00") },
            "attempts" => Good with { Retry = new RetryRules { Busy = new RetryRule(11, 60) } },
            "delay" => Good with { Retry = new RetryRules { NoAnswer = new RetryRule(2, -1) } },
            "tooMany" => Good with { Entries = Enumerable.Range(0, 6).Select(i => new CampaignEntry($"+1555000100{i}")).ToList() },
            "none" => Good with { Entries = [] },
            "concurrency" => Good with { Concurrency = 21 },
            "rate" => Good with { CallsPerSecond = 11 },
            "from" => Good with { From = "+15559990000" },
            "variable" => Good with { Entries = [new("+15550001111", Variables: new() { ["first name"] = "x" })] },
            "ring" => Good with { RingTimeoutSeconds = 2 },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Assert.Equal([problem], Problems(request));
    }

    [Fact]
    public void Csv_problems_name_the_line()
    {
        var (entries, lines, csvErrors) = CampaignCsv.Read("to,name\n+15550001111,Ada\n\n+1555,Bob\n", 10);
        Assert.Empty(csvErrors);
        var errors = Validator.Validate(new StartCampaignRequest { Entries = entries }, EntryNames.Csv(lines)).Errors;
        Assert.Equal(["line 4: to: required, an E.164 number such as +15550001111"], errors);
    }

    [SkippableFact]
    public async Task A_bad_request_is_answered_400_with_every_problem_and_nothing_is_stored_or_dialled()
    {
        await using var harness = await CampaignHarness.StartAsync();

        var (status, text) = await harness.StartAsync(new StartCampaignRequest
        {
            TimeZone = "Mars/Olympus_Mons",
            Concurrency = 0,
            Entries = [new("+15550001111"), new("12345")],
        });
        var (badJson, badJsonText) = await harness.StartRawAsync(CampaignHarness.Utf8("{\"entries\": [{\"to\": 5}]}"), "application/json");
        var (badCsv, badCsvText) = await harness.StartRawAsync(CampaignHarness.Utf8("to,name\n+15550001111\n"), "text/csv", "?retryBusy=three");

        Assert.Equal((400, 400, 400), (status, badJson, badCsv));
        Assert.Equal("timeZone: not a known IANA time zone (e.g. Europe/Berlin, America/New_York)\nconcurrency: from 1 to 100\nentries[1].to: required, an E.164 number such as +15550001111", text);
        Assert.Equal("the body is not a campaign request: invalid JSON at $.entries[0].to (line 1)", badJsonText);
        Assert.Equal("line 2: 1 fields, the header has 2\nretryBusy (query): \"maxAttempts:delaySeconds\", e.g. 3:600", badCsvText);
        Assert.Equal(0, await harness.StoredRowsAsync());
        Assert.Empty(harness.Dials);
    }

    [SkippableFact]
    public async Task A_csv_campaign_takes_its_settings_from_the_query_and_its_variables_from_the_columns()
    {
        await using var harness = await CampaignHarness.StartAsync();
        var csv = "to,timeZone,name,note\r\n+15550001111,Europe/Berlin,Ada,\"says \"\"hi\"\", twice\"\r\n+15550001112,,Bob,\r\n";

        var (status, text) = await harness.StartRawAsync(CampaignHarness.Utf8(csv), "text/csv; charset=utf-8", "?concurrency=2&callsPerSecond=5&retryBusy=2:1&name=csv");
        Assert.True(status == 202, text);
        var id = System.Text.Json.JsonSerializer.Deserialize<StartCampaignResponse>(text, Shared.Calls.CallsApiJson.Options)!.CampaignId;
        var done = await harness.WaitForEndAsync(id);

        Assert.Equal(("csv", 2, 2), (done.Name, done.Progress.Total, done.Progress.Done));
        var dials = harness.Outbound.Rig.LiveKit.State.GetDials();
        Assert.Equal(["+15550001111", "+15550001112"], dials.Select(d => d.SipCallTo).Order());
    }
}
