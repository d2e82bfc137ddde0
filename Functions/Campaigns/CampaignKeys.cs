using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Idempotency keys of POST /api/campaigns: the key fixes the campaign's id, and the request's fingerprint (a hash of the
/// request as read, JSON or CSV alike) tells a repeated request (same campaign) from a key reused for another (409).
/// </summary>
public static class CampaignKeys
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The campaign id a key names: "cmp-" and 16 hex digits of a hash of the key (a valid <see cref="CampaignIds"/> id).</summary>
    public static string CampaignIdFor(string key) =>
        CampaignIds.Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("campaign-key:" + key)))[..16];

    /// <summary>A hash of the request's content (its settings and entries, serialized the API's way).</summary>
    public static string Fingerprint(StartCampaignRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, CallsApiJson.Options)));
}
