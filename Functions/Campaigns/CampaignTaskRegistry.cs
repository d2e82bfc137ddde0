using Microsoft.DurableTask;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Registers the campaign orchestrations and activities with a Durable Task worker (tests, local host) under their Functions names.</summary>
public static class CampaignTaskRegistry
{
    public static DurableTaskRegistry AddCampaignTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator(nameof(CampaignOrchestrator), typeof(CampaignOrchestrator));
        registry.AddOrchestrator(nameof(CampaignAttemptOrchestrator), typeof(CampaignAttemptOrchestrator));
        registry.AddActivity(CampaignActivityNames.LoadCampaignWork, typeof(LoadCampaignWorkActivity));
        registry.AddActivity(CampaignActivityNames.SettleCampaignAttempt, typeof(SettleCampaignAttemptActivity));
        registry.AddActivity(CampaignActivityNames.CancelCampaignNumbers, typeof(CancelCampaignNumbersActivity));
        registry.AddActivity(CampaignActivityNames.IsCallFinished, typeof(IsCallFinishedActivity));
        registry.AddActivity(CampaignActivityNames.StartCampaignAttempts, typeof(StartCampaignAttemptsActivity));
        return registry;
    }
}
