using System.Globalization;
using System.Net.Http.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.System.Tests.Campaigns;

/// <summary>
/// The campaign load run of bench/campaign.sh (skipped unless VOICEFUNCTIONS_CAMPAIGN_BENCH=1): the issue's figure,
/// N numbers (default 200) to sipp callees through the MediaHost in direct mode, pacing 5 calls/s, concurrency 20
/// (the issue's figure) or VOICEFUNCTIONS_CAMPAIGN_BENCH_CONCURRENCY (the pacing run: places that are not the bound).
/// It fails when a number does not reach its final state or is dialled more than once; it measures (does not
/// assert) the achieved call-start rate from the INVITEs' arrival at sipp and writes the figures to the file named
/// by VOICEFUNCTIONS_CAMPAIGN_BENCH_OUT.
/// </summary>
[Trait("Category", "Bench")]
public sealed class CampaignLoadRun
{
    [SkippableFact]
    public async Task Load_run_numbers_at_5_calls_per_second_all_reach_a_final_state_once()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("VOICEFUNCTIONS_CAMPAIGN_BENCH") == "1", "a load run: bench/campaign.sh");
        var count = int.Parse(Environment.GetEnvironmentVariable("VOICEFUNCTIONS_CAMPAIGN_BENCH_NUMBERS") ?? "200", CultureInfo.InvariantCulture);
        // 20 by default (the issue's figure); the pacing run raises it so that the places are not the bound.
        var concurrency = int.Parse(Environment.GetEnvironmentVariable("VOICEFUNCTIONS_CAMPAIGN_BENCH_CONCURRENCY") ?? "20", CultureInfo.InvariantCulture);
        const double rate = 5;
        // The production queue visibility (5 min): a 5 s one (the restart drill's) lets a message of an episode that runs
        // longer than 5 s on a busy Azurite be taken twice, which production does not do.
        await using var rig = await CampaignRig.StartAsync("(x)", 0, stepsPerGeneration: 100, restartable: false);
        var request = new StartCampaignRequest
        {
            Name = "bench",
            From = CampaignRig.From,
            Concurrency = concurrency,
            CallsPerSecond = rate,
            RingTimeoutSeconds = 15,
            Retry = new RetryRules { Failed = new RetryRule(2, 5), NoAnswer = new RetryRule(2, 5) },
            Entries = Enumerable.Range(0, count).Select(i => new CampaignEntry($"+1555{i:D7}", Variables: new() { ["n"] = i.ToString(CultureInfo.InvariantCulture) })).ToList(),
        };

        var started = DateTime.UtcNow;
        var id = await rig.StartAsync(request);
        CampaignResponse done;
        try
        {
            done = await rig.WaitForEndAsync(id, TimeSpan.FromSeconds(60 + count / rate * 3));
        }
        catch (TimeoutException e)
        {
            await WriteAsync($"numbers: {count}: did not end in time\n{PartialRate(rig, count, concurrency, rate, DateTime.UtcNow - started)}\n{InvitesPerNumber(rig)}\n{e.Message[..Math.Min(12000, e.Message.Length)]}");
            throw;
        }
        var elapsed = DateTime.UtcNow - started;

        var invites = rig.Callees.Invites().OrderBy(i => i.At).ToList();
        var firsts = invites.GroupBy(i => i.Number).Select(g => g.First().At).Order().ToList();
        var achieved = (firsts.Count - 1) / (firsts[^1] - firsts[0]).TotalSeconds;
        var held = concurrency * (firsts[^1] - firsts[0]).TotalSeconds / count;
        var callSeconds = rig.Callees.CallSeconds();
        var worstSecond = firsts.GroupBy(t => (long)(t - firsts[0]).TotalSeconds).Max(g => g.Count());
        var report = string.Join('\n',
            $"numbers: {count}, concurrency {concurrency}, pacing {rate} calls/s",
            $"final: {done.Progress.Done} done, {done.Progress.Cancelled} cancelled, status {done.Status}; outcomes: {string.Join(", ", done.Progress.Outcomes.Select(o => $"{o.Key} {o.Value}"))}; attempts {done.Progress.Attempts}",
            $"INVITEs at sipp: {invites.Count} ({firsts.Count} numbers); {InvitesPerNumber(rig)}",
            $"achieved call-start rate: {achieved.ToString("0.000", CultureInfo.InvariantCulture)} calls/s ({((achieved / rate - 1) * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} % of the pacing), most starts in one second: {worstSecond}",
            PacingWindows.Describe(firsts, rate),
            PacingWindows.BeforePlacesFill(firsts, concurrency, rate),
            $"campaign wall time: {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s (first to last INVITE {(firsts[^1] - firsts[0]).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)",
            // What bounds the rate: a place is held from the dial until the campaign learns the call's record is final.
            // If that hold (places x span / calls) divided into the places is below the pacing, the places are the bound.
            $"place held per call: {Seconds(held)} s (concurrency x first-to-last INVITE / numbers), so the places allow {(concurrency / held).ToString("0.00", CultureInfo.InvariantCulture)} calls/s; " +
            $"the call itself at the callee (INVITE to its BYE answered): median {Seconds(Median(callSeconds))} s, max {Seconds(callSeconds.Count > 0 ? callSeconds.Max() : double.NaN)} s over {callSeconds.Count} calls",
            $"places needed for the pacing: {Seconds(rate * held)} (pacing x hold); a hold of at most {Seconds(concurrency / rate)} s lets {concurrency} places carry it",
            $"bound: {(count <= concurrency ? "not the concurrency (never all places taken: numbers <= concurrency); a rate below the pacing is the control plane's own start rate"
                : concurrency / held < rate * 0.9 ? "the concurrency (the pacing is not what this run measures)" : "the pacing")}");
        await WriteAsync(report);
        Assert.True(done.Status == CampaignStatus.Completed && done.Progress.Done == count, report);
        Assert.True(rig.Callees.InvitesPerNumber().All(p => p.Value == 1) && firsts.Count == count, report);
    }

    /// <summary>A run that did not end: how fast numbers were dialled until then (partial: not the run's rate).</summary>
    private static string PartialRate(CampaignRig rig, int count, int concurrency, double rate, TimeSpan waited)
    {
        var firsts = rig.Callees.Invites().GroupBy(i => i.Number).Select(g => g.Min(i => i.At)).Order().ToList();
        if (firsts.Count < 2)
        {
            return $"partial: {firsts.Count} of {count} numbers dialled in {Seconds(waited.TotalSeconds)} s";
        }
        var achieved = (firsts.Count - 1) / (firsts[^1] - firsts[0]).TotalSeconds;
        return $"partial call-start rate (the campaign did not end): {firsts.Count} of {count} numbers dialled, first to last INVITE "
            + $"{Seconds((firsts[^1] - firsts[0]).TotalSeconds)} s = {achieved.ToString("0.000", CultureInfo.InvariantCulture)} calls/s against the pacing {rate} calls/s\n"
            + PacingWindows.Describe(firsts, rate) + "\n" + PacingWindows.BeforePlacesFill(firsts, concurrency, rate);
    }

    private static string Seconds(double s) => s.ToString("0.0", CultureInfo.InvariantCulture);

    private static double Median(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    /// <summary>How many numbers got how many INVITEs ("INVITEs per number: 1 x 200"; a number dialled twice shows as "2 x 1").</summary>
    private static string InvitesPerNumber(CampaignRig rig) =>
        "INVITEs per number: " + string.Join(", ", rig.Callees.InvitesPerNumber().GroupBy(p => p.Value).OrderBy(g => g.Key).Select(g => $"{g.Key} x {g.Count()}"));

    private static async Task WriteAsync(string report)
    {
        if (Environment.GetEnvironmentVariable("VOICEFUNCTIONS_CAMPAIGN_BENCH_OUT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, report + "\n");
        }
    }
}
