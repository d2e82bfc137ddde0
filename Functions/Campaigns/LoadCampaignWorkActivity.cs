using VoiceFunctions.Functions.Activities;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Reads the next numbers of a campaign from its table (the orchestration's input never carries the whole list).</summary>
public sealed class LoadCampaignWorkActivity(CampaignStore store) : CallActivity<LoadWorkInput, List<CampaignWork>>
{
    public override Task<List<CampaignWork>> ExecuteAsync(LoadWorkInput input, CancellationToken ct) =>
        store.LoadWorkAsync(input.CampaignId, input.From, input.Count, ct);
}
