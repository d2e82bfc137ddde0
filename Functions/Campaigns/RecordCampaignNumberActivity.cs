using VoiceFunctions.Functions.Activities;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Writes one number's state into its row (what GET /api/campaigns/{id} lists).</summary>
public sealed class RecordCampaignNumberActivity(CampaignStore store) : CallActivity<CampaignNumberUpdate, bool>
{
    public override async Task<bool> ExecuteAsync(CampaignNumberUpdate input, CancellationToken ct)
    {
        await store.UpdateNumberAsync(input, ct).ConfigureAwait(false);
        return true;
    }
}
