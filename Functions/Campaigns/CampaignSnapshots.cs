using System.Text.Json;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>Where a campaign stands, from its orchestration: an ended campaign's last word is its output, a running one's its custom status.</summary>
public static class CampaignSnapshots
{
    public static async Task<CampaignSnapshot> ReadAsync(DurableTaskClient client, CampaignMeta meta, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(meta.CampaignId, getInputsAndOutputs: true, ct).ConfigureAwait(false);
        var snapshot = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<CampaignSnapshot>()
            : instance?.SerializedCustomStatus is { Length: > 0 } status ? JsonSerializer.Deserialize<CampaignSnapshot>(status, CallsApiJson.Options)
            : null;
        return snapshot ?? new CampaignSnapshot(CampaignStatus.Running, new CampaignProgress { Total = meta.Total, Pending = meta.Total });
    }
}
