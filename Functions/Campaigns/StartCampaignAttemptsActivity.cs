using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Starts attempts as orchestrations of their own (not sub-orchestrations): a campaign that continues as new must not
/// receive a child's completion in a later generation. Each attempt's instance id is fixed by campaign, number and
/// attempt, so a retried activity skips the attempts it already started. Returns how many it started.
/// </summary>
public sealed class StartCampaignAttemptsActivity(DurableTaskClient client) : TaskActivity<List<CampaignAttemptInput>, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, List<CampaignAttemptInput> input) => StartAllAsync(client, input, CancellationToken.None);

    public static async Task<int> StartAllAsync(DurableTaskClient client, List<CampaignAttemptInput> attempts, CancellationToken ct)
    {
        var started = 0;
        foreach (var attempt in attempts)
        {
            var id = CampaignIds.AttemptInstanceId(attempt.CampaignId, attempt.Work.Index, attempt.Work.Attempt);
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, ct).ConfigureAwait(false) is not null)
            {
                continue;
            }
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(CampaignAttemptOrchestrator), attempt, new StartOrchestrationOptions(InstanceId: id), ct).ConfigureAwait(false);
            started++;
        }
        return started;
    }
}
