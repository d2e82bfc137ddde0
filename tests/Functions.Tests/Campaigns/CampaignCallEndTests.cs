using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Campaigns;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>
/// An answered campaign call holds its place until its own call orchestration finalizes the record, and that
/// orchestration tells the attempt at once (<see cref="CampaignCallEnd"/>): with the attempt's safety-net check set to an
/// hour, only the notice can end the campaign within the test's minute.
/// </summary>
public sealed class CampaignCallEndTests
{
    [SkippableFact]
    public async Task An_answered_call_frees_its_place_when_its_call_orchestration_finalizes_the_record_without_waiting_for_a_check()
    {
        await using var harness = await CampaignHarness.StartAsync(s => s["Campaigns:CallEndCheckSeconds"] = "3600");
        const string number = "+15550001000";
        harness.StaysOpen[number] = true;
        var id = await harness.StartOkAsync(new StartCampaignRequest { Name = "callbacks", Concurrency = 1, CallsPerSecond = 10, Entries = [new CampaignEntry(number)] });
        var callId = CampaignIds.CallId(id, 0, 1);
        await WaitUntilAsync(async () => await harness.Outbound.Store.GetAsync(callId) is not null);

        // The dial's answer starts the call's own orchestration (AnsweredCallStarter), as in production; the test waits for
        // that one (starting a second with the same id raced it) and ends it by the callee's hang-up.
        // (In this harness no agent ever answers, so that orchestration may also end by itself on its dispatch attempts;
        // either way its end is what must free the place, within a minute, with the hourly check.)
        var client = harness.Outbound.Client;
        OrchestrationMetadata? call = null;
        await WaitUntilAsync(async () => (call = await client.GetInstanceAsync(callId)) is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending });
        if (call!.RuntimeStatus == OrchestrationRuntimeStatus.Running)
        {
            Assert.Equal(CampaignStatus.Running, (await harness.GetAsync(id)).Status);
            await client.RaiseEventAsync(callId, CallEvent.EventName, new CallEvent(CallEventKind.CallerLeft, DateTimeOffset.UtcNow) { SourceEventId = "test-hangup" });
        }

        var done = await harness.WaitForEndAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal(CampaignStatus.Completed, done.Status);
        Assert.Equal(1, done.Progress.Done);
        Assert.Equal(new Dictionary<string, int> { ["Answered"] = 1 }, done.Progress.Outcomes);
        Assert.False((await harness.Outbound.Store.GetAsync(callId))!.IsOpen);
        Assert.Equal(1, harness.DialsTo(number));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(199, 3)]
    public void A_campaign_call_id_names_the_attempt_that_placed_it(int index, int attempt)
    {
        var campaign = CampaignIds.New();
        Assert.Equal(CampaignIds.AttemptInstanceId(campaign, index, attempt), CampaignIds.AttemptInstanceOfCall(CampaignIds.CallId(campaign, index, attempt)));
    }

    [Theory]
    [InlineData("call-out-3f2a9c")]
    [InlineData("room-abc")]
    [InlineData("call-out-cmp-0123456789abcdef-1")]
    [InlineData("call-out-cmp-0123456789abcdef-01-1")]
    [InlineData("call-out-cmp-0123456789abcdef-1-2-3")]
    [InlineData("call-out-cmp-0123456789ABCDEF-1-2")]
    public void Other_call_ids_name_no_attempt(string callId) => Assert.Null(CampaignIds.AttemptInstanceOfCall(callId));

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
