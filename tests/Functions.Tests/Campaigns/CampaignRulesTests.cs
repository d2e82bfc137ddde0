using VoiceFunctions.Functions.Campaigns;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>The pure rules a campaign follows: calling hours in the callee's zone, retries per outcome, pacing.</summary>
public sealed class CampaignRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-06-10T10:00:00", "09:00", "20:00", "2026-06-10T10:00:00")] // 12:00 in Berlin (CEST): inside
    [InlineData("2026-06-10T05:00:00", "09:00", "20:00", "2026-06-10T07:00:00")] // 07:00 local: opens at 09:00 local today
    [InlineData("2026-06-10T19:00:00", "09:00", "20:00", "2026-06-11T07:00:00")] // 21:00 local: opens tomorrow
    [InlineData("2026-06-10T20:30:00", "22:00", "06:00", "2026-06-10T20:30:00")] // 22:30 local, a window over midnight: inside
    [InlineData("2026-06-10T12:00:00", "22:00", "06:00", "2026-06-10T20:00:00")] // 14:00 local: opens at 22:00
    [InlineData("2026-01-10T06:00:00", "09:00", "20:00", "2026-01-10T08:00:00")] // winter (CET, UTC+1)
    public void Calls_start_only_inside_the_calling_hours_of_the_callees_time_zone(string utcNow, string start, string end, string expected)
    {
        var next = CallingWindow.NextStart(DateTime.Parse(utcNow, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            Berlin, TimeOnly.Parse(start), TimeOnly.Parse(end));
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), next);
    }

    [Fact]
    public void A_window_opening_in_the_hour_a_daylight_saving_change_skips_opens_when_the_clock_has_jumped()
    {
        // 2026-03-08: New York's clocks jump from 02:00 to 03:00; 02:30 local does not exist that day.
        var next = CallingWindow.NextStart(new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc), NewYork, new TimeOnly(2, 30), new TimeOnly(6, 0));
        Assert.Equal(new DateTime(2026, 3, 8, 7, 0, 0, DateTimeKind.Utc), next); // 03:00 EDT
    }

    [Fact]
    public void Without_calling_hours_a_call_may_start_at_any_time()
    {
        var now = new DateTime(2026, 6, 10, 3, 0, 0, DateTimeKind.Utc);
        Assert.Equal(now, CallingWindow.NextStart(now, Berlin, null, null));
    }

    [Theory]
    [InlineData(DialOutcome.Busy, 1, 300.0)]
    [InlineData(DialOutcome.Busy, 3, null)]          // the third attempt was the last the rule allows
    [InlineData(DialOutcome.NoAnswer, 1, 60.0)]
    [InlineData(DialOutcome.Machine, 1, null)]       // no rule: final after one attempt
    [InlineData(DialOutcome.Failed, 1, 10.0)]
    [InlineData(DialOutcome.Answered, 1, null)]
    [InlineData(DialOutcome.Rejected, 1, null)]
    public void Each_outcome_is_retried_by_its_own_rule_up_to_its_attempts(DialOutcome outcome, int attemptsMade, double? delaySeconds)
    {
        var rules = new RetryRules { Busy = new RetryRule(3, 300), NoAnswer = new RetryRule(2, 60), Failed = new RetryRule(2, 10) };
        Assert.Equal(delaySeconds is { } s ? TimeSpan.FromSeconds(s) : null, RetryDecision.Next(outcome, attemptsMade, rules));
    }

    [Theory]
    [InlineData(5.0, 0.05)]
    [InlineData(5.0, 0.3)]   // episodes later than the interval: catch-up keeps the rate
    [InlineData(5.0, 1.5)]   // a timer fired late by an idle queue's poll (up to 2 s): still caught up
    [InlineData(0.5, 0.1)]
    public void Pacing_holds_the_configured_rate_whatever_the_episode_cadence(double rate, double episodeSeconds)
    {
        var start = new DateTime(2026, 6, 10, 12, 0, 0, DateTimeKind.Utc);
        var next = start + CallPacing.Tolerance(rate);
        var starts = new List<DateTime>();
        for (var now = start; now < start.AddSeconds(40); now = now.AddSeconds(episodeSeconds))
        {
            while (now >= CallPacing.EarliestStart(next, rate))
            {
                starts.Add(now);
                next = CallPacing.AfterStart(next, now, rate);
            }
        }
        var achieved = (starts.Count - 1) / (starts[^1] - starts[0]).TotalSeconds;
        Assert.InRange(achieved, rate * 0.97, rate * 1.03);
        // No burst at the start: the second call waits its interval (within one episode).
        Assert.True(starts[1] - starts[0] >= CallPacing.Interval(rate) - TimeSpan.FromSeconds(episodeSeconds));
    }
}
