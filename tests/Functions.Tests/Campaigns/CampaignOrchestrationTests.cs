using VoiceFunctions.Functions.Campaigns;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>
/// Campaigns through the API and the real orchestrations (in-process Durable host, Azurite), the callees played by the
/// loopback LiveKit API double (see <see cref="CampaignHarness"/>). A campaign crossing generations (ContinueAsNew) is
/// tested on the production provider (System.Tests CampaignSystemTests, 10 steps per generation): the in-process test
/// host drops events that arrive for an instance while it continues as new, which the Azure Storage provider carries over.
/// </summary>
public sealed class CampaignOrchestrationTests
{
    private static string Number(int i) => $"+1555000{i:D4}";

    private static StartCampaignRequest Campaign(int count, int concurrency, double rate, RetryRules? retry = null) => new()
    {
        Name = "reminders",
        Concurrency = concurrency,
        CallsPerSecond = rate,
        Retry = retry,
        Entries = Enumerable.Range(0, count).Select(i => new CampaignEntry(Number(i), Variables: new() { ["n"] = i.ToString() })).ToList(),
    };

    [SkippableFact]
    public async Task Every_number_reaches_one_final_result_and_busy_numbers_are_retried_by_their_rule_on_the_LiveKit_API_double()
    {
        await using var harness = await CampaignHarness.StartAsync();
        harness.BusyFirst[Number(1)] = 1;   // busy once, then answers
        harness.BusyFirst[Number(2)] = 9;   // always busy: 3 attempts, then final Busy
        harness.Rejected[Number(3)] = true; // rejected: never retried

        var id = await harness.StartOkAsync(Campaign(8, 3, 10, new RetryRules { Busy = new RetryRule(3, 1) }));
        var done = await harness.WaitForEndAsync(id);

        Assert.Equal(CampaignStatus.Completed, done.Status);
        Assert.Equal((8, 8, 0, 0, 0), (done.Progress.Total, done.Progress.Done, done.Progress.Pending, done.Progress.InProgress, done.Progress.WaitingToRetry));
        Assert.Equal(new Dictionary<string, int> { ["Answered"] = 6, ["Busy"] = 1, ["Rejected"] = 1 }, done.Progress.Outcomes);
        Assert.Equal(11, done.Progress.Attempts);
        Assert.Equal([1, 2, 3, 1, 1, 1, 1, 1], Enumerable.Range(0, 8).Select(i => harness.DialsTo(Number(i))));
        var rows = done.Numbers.ToDictionary(n => n.Index);
        Assert.Equal((CampaignNumberState.Done, DialOutcome.Answered, 2), (rows[1].State, rows[1].Outcome, rows[1].Attempts));
        Assert.Equal((CampaignNumberState.Done, DialOutcome.Busy, 3), (rows[2].State, rows[2].Outcome, rows[2].Attempts));
        Assert.Equal((CampaignNumberState.Done, DialOutcome.Rejected, 1), (rows[3].State, rows[3].Outcome, rows[3].Attempts));
        Assert.Equal(CampaignIds.CallId(id, 2, 3), rows[2].LastCallId);
        Assert.All(done.Numbers, n => Assert.Null(n.NextAttemptAt));
        // The retry waited its delay: the second dial of number 1 is at least a second after the first.
        var dials = harness.Dials.Where(d => d.To == Number(1)).Select(d => d.At).ToList();
        Assert.True(dials[1] - dials[0] >= TimeSpan.FromSeconds(0.9), $"retried after {dials[1] - dials[0]}");
    }

    [SkippableFact]
    public async Task Pause_stops_new_calls_resume_starts_them_again_and_cancel_ends_the_campaign_with_the_rest_cancelled()
    {
        await using var harness = await CampaignHarness.StartAsync();
        var id = await harness.StartOkAsync(Campaign(30, 1, 2));
        await WaitUntilAsync(() => harness.Dials.Count >= 2);

        Assert.Equal(202, await harness.ControlAsync(id, CampaignControl.Pause));
        // An attempt running at the pause finishes; then nothing starts.
        await WaitUntilAsync(async () => await harness.GetAsync(id) is { Status: CampaignStatus.Paused, Progress.InProgress: 0 });
        var atPause = harness.Dials.Count;
        await Task.Delay(1500);
        Assert.Equal(atPause, harness.Dials.Count);

        Assert.Equal(202, await harness.ControlAsync(id, CampaignControl.Resume));
        await WaitUntilAsync(() => harness.Dials.Count >= atPause + 2);
        Assert.Equal(202, await harness.ControlAsync(id, CampaignControl.Cancel));
        var done = await harness.WaitForEndAsync(id);

        Assert.Equal(CampaignStatus.Cancelled, done.Status);
        Assert.Equal(30, done.Progress.Done + done.Progress.Cancelled);
        Assert.True(done.Progress.Cancelled > 0);
        Assert.Equal(done.Progress.Cancelled, done.Numbers.Count(n => n.State == CampaignNumberState.Cancelled));
        Assert.All(done.Numbers.Where(n => n.State == CampaignNumberState.Cancelled), n => Assert.Equal(0, harness.DialsTo(n.To)));
        Assert.All(Enumerable.Range(0, 30), i => Assert.True(harness.DialsTo(Number(i)) <= 1));
        Assert.Equal(409, await harness.ControlAsync(id, CampaignControl.Resume));
    }

    [SkippableFact]
    public async Task Numbers_outside_their_calling_hours_wait_and_an_entry_in_another_time_zone_is_called_in_its_own_hours()
    {
        await using var harness = await CampaignHarness.StartAsync();
        // A window that opens two hours from now in UTC, and is open now three hours east of UTC.
        var hour = DateTime.UtcNow.Hour;
        var hours = new CallingHours($"{(hour + 2) % 24:D2}:00", $"{(hour + 4) % 24:D2}:00");
        var request = Campaign(3, 3, 10) with { TimeZone = "UTC", CallingHours = hours };
        request.Entries![1] = request.Entries[1] with { TimeZone = "Etc/GMT-3" };

        var id = await harness.StartOkAsync(request);
        await WaitUntilAsync(async () => (await harness.GetAsync(id)).Progress.Done == 1);
        var waiting = await harness.GetAsync(id);

        Assert.Equal(1, harness.DialsTo(Number(1)));
        Assert.Equal((0, 0), (harness.DialsTo(Number(0)), harness.DialsTo(Number(2))));
        Assert.Equal((CampaignStatus.Running, 2), (waiting.Status, waiting.Progress.Pending));
        Assert.Equal(202, await harness.ControlAsync(id, CampaignControl.Cancel));
        var done = await harness.WaitForEndAsync(id);
        Assert.Equal((CampaignStatus.Cancelled, 1, 2), (done.Status, done.Progress.Done, done.Progress.Cancelled));
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(100);
        }
    }
}
