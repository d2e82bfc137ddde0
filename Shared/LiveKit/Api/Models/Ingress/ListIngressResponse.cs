namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Ingress.ListIngress response.</summary>
public sealed class ListIngressResponse
{
    public List<IngressInfo> Items { get; set; } = [];

    /// <summary>Set when more items follow: pass it as the next request's PageToken.</summary>
    public TokenPagination? NextPageToken { get; set; }
}
