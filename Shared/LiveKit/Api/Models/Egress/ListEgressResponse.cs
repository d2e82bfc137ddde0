namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.ListEgress response.</summary>
public sealed class ListEgressResponse
{
    public List<EgressInfo> Items { get; set; } = [];

    public string NextPageToken { get; set; } = "";
}
