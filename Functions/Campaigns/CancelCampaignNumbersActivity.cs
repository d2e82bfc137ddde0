using VoiceFunctions.Functions.Activities;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Marks the numbers a cancelled campaign will not call as Cancelled; returns how many.</summary>
public sealed class CancelCampaignNumbersActivity(CampaignStore store) : CallActivity<CancelNumbersInput, int>
{
    public override async Task<int> ExecuteAsync(CancelNumbersInput input, CancellationToken ct)
    {
        var indexes = input.Indexes.Concat(Enumerable.Range(input.FromIndex, Math.Max(0, input.Total - input.FromIndex))).Distinct().ToList();
        await store.CancelAsync(input.CampaignId, indexes, ct).ConfigureAwait(false);
        return indexes.Count;
    }
}
