namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.ListEgress response.</summary>
public sealed class ListEgressResponse
{
    public List<EgressInfo> Items { get; set; } = [];

    /// <summary>Set when more items follow: pass it as the next request's PageToken.</summary>
    public TokenPagination? NextPageToken { get; set; }
}
