using System.Net.Http.Json;
using System.Security.Cryptography;
using Azure.Data.Tables;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Campaigns;

/// <summary>
/// Campaigns end to end in direct mode on loopback: POST /api/campaigns on the local control plane (the Durable Azure
/// Storage provider on Azurite) → the campaign and attempt orchestrations → the MediaHost process dials sipp (every
/// callee; some numbers busy the first time) → the agent talks → sipp hangs up. The campaign's orchestration continues
/// as new every 10 steps here, so both tests cross several generations.
/// </summary>
[Trait("Category", "System")]
public sealed class CampaignSystemTests
{
    private const string From = CampaignRig.From;
    // The first three numbers: their first attempts are the first starts, before any retry is due.
    private static readonly string[] BusyFirst = ["+15550001000", "+15550001001", "+15550001002"];

    // A bound for a campaign that never ends (a held place is held for MaxCallMinutes), not a timing: 12 numbers end in
    // 15-25 s on a quiet machine, and took over 50 s on a saturated one (load 40-70 on 2 cores) while still progressing.
    private static readonly TimeSpan EndBound = TimeSpan.FromSeconds(150);

    private static StartCampaignRequest Campaign() => new()
    {
        Name = "system",
        From = From,
        Concurrency = 4,
        CallsPerSecond = 4,
        RingTimeoutSeconds = 10,
        Retry = new RetryRules { Busy = new RetryRule(2, 5) },
        Entries = Enumerable.Range(0, 12).Select(i => new CampaignEntry($"+155500010{i:D2}", Variables: new() { ["n"] = i.ToString() })).ToList(),
    };

    [SkippableFact]
    public async Task A_campaign_calls_every_number_through_the_MediaHost_and_retries_the_busy_ones_by_the_rule()
    {
        await using var rig = await CampaignRig.StartAsync("(00|01|02)", BusyFirst.Length, stepsPerGeneration: 10);

        var id = await rig.StartAsync(Campaign());
        var done = await rig.WaitForEndAsync(id, EndBound);

        AssertEveryNumberFinalOnce(rig, done);
    }

    [SkippableFact]
    public async Task A_control_plane_restarted_mid_campaign_finishes_it_with_one_final_result_per_number_and_no_extra_dial()
    {
        await using var rig = await CampaignRig.StartAsync("(00|01|02)", BusyFirst.Length, stepsPerGeneration: 10);

        var id = await rig.StartAsync(Campaign());
        await rig.WaitForInvitesAsync(5);
        await rig.ControlPlane.RestartAsync(TimeSpan.FromSeconds(1));
        var done = await rig.WaitForEndAsync(id, EndBound);

        AssertEveryNumberFinalOnce(rig, done);
    }

    /// <summary>Every number done once: answered, the busy ones after exactly one retry; sipp saw no other INVITE.</summary>
    private static void AssertEveryNumberFinalOnce(CampaignRig rig, CampaignResponse done)
    {
        var invites = rig.Callees.InvitesPerNumber();
        var context = $"progress {done.Progress}; INVITEs: {string.Join(", ", invites.Select(p => $"{p.Key}={p.Value}"))}";
        Assert.True(done.Status == CampaignStatus.Completed, context);
        Assert.True((12, 12, 15) == (done.Progress.Done, done.Progress.Outcomes.GetValueOrDefault("Answered"), done.Progress.Attempts), context);
        Assert.Equal(12, done.Numbers.Count);
        foreach (var number in done.Numbers)
        {
            var expected = BusyFirst.Contains(number.To) ? 2 : 1;
            Assert.True((CampaignNumberState.Done, DialOutcome.Answered, expected) == (number.State, number.Outcome, number.Attempts), $"{number}; {context}");
            Assert.True(invites.GetValueOrDefault(number.To) == expected, $"{number.To}: {invites.GetValueOrDefault(number.To)} INVITEs; {context}");
        }
    }
}
