using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.System.Tests.Campaigns;

/// <summary>
/// Direct mode, end to end on loopback: the MediaHost process dials sipp whose voicemail answers with a synthesised
/// greeting; with <c>Outbound:AmdAction</c> LeaveMessage the MediaHost detects the machine and waits for its beep (the
/// dial says Answered, the record answeredBy "machine"). The campaign counts the attempt as Machine and calls the number
/// again by its machine rule.
/// </summary>
[Trait("Category", "System")]
public sealed class CampaignMachineRuleSystemTests
{
    [SkippableFact]
    public async Task A_voicemail_that_answers_a_direct_mode_campaign_call_is_an_attempt_ended_by_a_machine_and_is_called_again_by_the_machine_rule()
    {
        await using var rig = await CampaignRig.StartAsync(await CampaignCallees.StartVoicemailAsync(), stepsPerGeneration: 100,
            new Dictionary<string, string> { ["Outbound__AmdAction"] = "LeaveMessage" });
        const string voicemail = "+15550007000";

        var id = await rig.StartAsync(new StartCampaignRequest
        {
            Name = "voicemail",
            From = CampaignRig.From,
            Concurrency = 1,
            CallsPerSecond = 1,
            RingTimeoutSeconds = 10,
            Retry = new RetryRules { Machine = new RetryRule(2, 1) },
            Entries = [new CampaignEntry(voicemail)],
        });
        // A bound for a hang, not a timing: two calls of about 6 s each.
        var done = await rig.WaitForEndAsync(id, TimeSpan.FromSeconds(150));

        var number = Assert.Single(done.Numbers);
        var context = $"{number}; progress {done.Progress}";
        Assert.True(done.Status == CampaignStatus.Completed, context);
        Assert.True((CampaignNumberState.Done, DialOutcome.Machine, 2) == (number.State, number.Outcome, number.Attempts), context);
        Assert.Equal(2, rig.Callees.InvitesPerNumber().GetValueOrDefault(voicemail));
        var call = await rig.ControlPlane.WaitForCallAsync(number.LastCallId!, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(10), "the last call's record final");
        Assert.Equal("machine", call.GetProperty("record").GetProperty("answeredBy").GetString());
    }
}
