using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>The Azure Functions entries of the campaign orchestrations and activities (each calls the class of the same name).</summary>
public sealed class CampaignFunctions(LoadCampaignWorkActivity load, SettleCampaignAttemptActivity settle, CancelCampaignNumbersActivity cancel, IsCallFinishedActivity finished,
    CampaignStore store, TimeProvider time)
{
    [Function(nameof(CampaignOrchestrator))]
    public static Task<CampaignSnapshot> Run([OrchestrationTrigger] TaskOrchestrationContext context, CampaignRunState input) =>
        new CampaignOrchestrator().RunAsync(context, input);

    [Function(nameof(CampaignAttemptOrchestrator))]
    public static Task<AttemptEnded> RunAttempt([OrchestrationTrigger] TaskOrchestrationContext context, CampaignAttemptInput input) =>
        new CampaignAttemptOrchestrator().RunAsync(context, input);

    [Function(CampaignActivityNames.LoadCampaignWork)]
    public Task<List<CampaignWork>> LoadCampaignWork([ActivityTrigger] LoadWorkInput input, CancellationToken ct) => load.ExecuteAsync(input, ct);

    [Function(CampaignActivityNames.SettleCampaignAttempt)]
    public Task<AttemptSettled> SettleCampaignAttempt([ActivityTrigger] SettleAttemptInput input, CancellationToken ct) => settle.ExecuteAsync(input, ct);

    [Function(CampaignActivityNames.CancelCampaignNumbers)]
    public Task<int> CancelCampaignNumbers([ActivityTrigger] CancelNumbersInput input, CancellationToken ct) => cancel.ExecuteAsync(input, ct);

    [Function(CampaignActivityNames.StartCampaignAttempts)]
    public Task<int> StartCampaignAttempts([ActivityTrigger] List<CampaignAttemptInput> input, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        StartCampaignAttemptsActivity.StartAllAsync(client, store, time, input, ct);

    [Function(CampaignActivityNames.IsCallFinished)]
    public Task<bool> IsCallFinished([ActivityTrigger] string callId, CancellationToken ct) => finished.ExecuteAsync(callId, ct);
}
