using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Starts attempts as orchestrations of their own (not sub-orchestrations): a campaign that continues as new must not
/// receive a child's completion in a later generation. Each attempt's instance id is fixed by campaign, number and
/// attempt, so a retried activity skips the attempts it already started. The numbers it starts are first marked in
/// progress together (table transactions of up to 100) rather than by each attempt, which saves every attempt a Durable
/// hop and a table request. Returns how many it started.
/// </summary>
public sealed class StartCampaignAttemptsActivity(DurableTaskClient client, CampaignStore store, TimeProvider time) : TaskActivity<List<CampaignAttemptInput>, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, List<CampaignAttemptInput> input) => StartAllAsync(client, store, time, input, CancellationToken.None);

    public static async Task<int> StartAllAsync(DurableTaskClient client, CampaignStore store, TimeProvider time, List<CampaignAttemptInput> attempts, CancellationToken ct)
    {
        var toStart = new List<(string Id, CampaignAttemptInput Attempt)>(attempts.Count);
        foreach (var attempt in attempts)
        {
            var id = CampaignIds.AttemptInstanceId(attempt.CampaignId, attempt.Work.Index, attempt.Work.Attempt);
            // Started before (a retried activity): its number's state is the attempt's now, not to be marked again.
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, ct).ConfigureAwait(false) is null)
            {
                toStart.Add((id, attempt));
            }
        }
        var now = time.GetUtcNow();
        foreach (var campaign in toStart.GroupBy(s => s.Attempt.CampaignId))
        {
            await store.UpdateNumbersAsync(campaign.Key, campaign.Select(s => new CampaignNumberUpdate(s.Attempt.CampaignId, s.Attempt.Work.Index,
                CampaignNumberState.InProgress, null, s.Attempt.Work.Attempt, CampaignIds.CallId(s.Attempt.CampaignId, s.Attempt.Work.Index, s.Attempt.Work.Attempt),
                now, null)).ToList(), ct).ConfigureAwait(false);
        }
        foreach (var (id, attempt) in toStart)
        {
            // Never a second execution of an attempt (it would dial again): a retried activity that raced its first run is refused.
            await StartOnce.TryStartAsync(client, nameof(CampaignAttemptOrchestrator), attempt, id, ct).ConfigureAwait(false);
        }
        return toStart.Count;
    }
}
