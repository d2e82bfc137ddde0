using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>
/// A call the dial reported answered but whose record says a machine answered it (the MediaHost's detection on the
/// agent's leg in LiveKit mode, or a message left on a machine in direct mode) is the attempt's outcome Machine: the
/// campaign's machine rule decides whether the number is called again.
/// </summary>
public sealed class CampaignMachineVerdictTests
{
    [SkippableFact]
    public async Task An_answered_call_whose_record_says_machine_ends_the_attempt_as_Machine_and_is_retried_by_the_machine_rule()
    {
        await using var harness = await CampaignHarness.StartAsync();
        const string voicemail = "+15550001000", person = "+15550001001";
        harness.Machines[voicemail] = true;

        var id = await harness.StartOkAsync(new StartCampaignRequest
        {
            Name = "reminders",
            Concurrency = 2,
            CallsPerSecond = 10,
            Retry = new RetryRules { Machine = new RetryRule(2, 0) },
            Entries = [new CampaignEntry(voicemail), new CampaignEntry(person)],
        });
        var done = await harness.WaitForEndAsync(id);

        Assert.Equal(CampaignStatus.Completed, done.Status);
        Assert.Equal(new Dictionary<string, int> { ["Machine"] = 1, ["Answered"] = 1 }, done.Progress.Outcomes);
        var rows = done.Numbers.ToDictionary(n => n.To);
        Assert.Equal((CampaignNumberState.Done, DialOutcome.Machine, 2), (rows[voicemail].State, rows[voicemail].Outcome, rows[voicemail].Attempts));
        Assert.Equal((CampaignNumberState.Done, DialOutcome.Answered, 1), (rows[person].State, rows[person].Outcome, rows[person].Attempts));
        Assert.Equal((2, 1), (harness.DialsTo(voicemail), harness.DialsTo(person)));
    }
}
