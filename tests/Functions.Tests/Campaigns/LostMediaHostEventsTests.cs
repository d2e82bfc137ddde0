using VoiceFunctions.Functions.Campaigns;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>
/// The "stuck calls" of the campaign runs: in direct mode an answered call got its record and orchestration only from
/// the MediaHost's "answered" event. When every event about a call was lost (the MediaHost gives up after a few
/// seconds; a control-plane restart or an overloaded storage lasts longer), nothing ever finalized the call and its
/// attempt held its place in the campaign for MaxCallMinutes. Here the MediaHost (a dial double) answers and then
/// says nothing: the campaign must still end, each call finalized by its direct-mode silence timeout.
/// </summary>
public sealed class LostMediaHostEventsTests
{
    [SkippableFact]
    public async Task Calls_whose_MediaHost_events_are_all_lost_are_finalized_by_their_silence_and_free_their_campaign_place_on_a_MediaHost_dial_double()
    {
        await using var mediaHost = await SilentMediaHostDialDouble.StartAsync();
        await using var harness = await CampaignHarness.StartAsync(s =>
        {
            s["Outbound:Mode"] = "Direct";
            s["Outbound:MediaHostUrl"] = mediaHost.Url.ToString();
            s["Calls:DirectSilenceTimeoutSeconds"] = "5";
            // Only the call's own finalize notice may free the place within the test (the record check is an hour away).
            s["Campaigns:CallEndCheckSeconds"] = "3600";
        });
        string[] numbers = ["+15550004000", "+15550004001"];

        var id = await harness.StartOkAsync(new StartCampaignRequest { Name = "silent", Concurrency = 1, CallsPerSecond = 10, Entries = [.. numbers.Select(n => new CampaignEntry(n))] });
        var done = await harness.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        Assert.Equal(CampaignStatus.Completed, done.Status);
        Assert.Equal(new Dictionary<string, int> { ["Answered"] = 2 }, done.Progress.Outcomes);
        Assert.Equal(numbers, mediaHost.Dialled.ToArray());
        foreach (var (number, index) in numbers.Select((n, i) => (n, i)))
        {
            var record = await harness.Outbound.Store.GetAsync(CampaignIds.CallId(id, index, 1));
            Assert.NotNull(record);
            Assert.Equal((CallDirection.Outbound, CallOutcome.Failed, number), (record.Direction, record.Outcome, record.CalledNumber));
            Assert.Contains("presumed lost", record.ReasonText);
        }
    }
}
