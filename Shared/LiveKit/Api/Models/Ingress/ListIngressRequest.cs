namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Ingress.ListIngress.</summary>
public sealed class ListIngressRequest
{
    public string RoomName { get; set; } = "";

    public string IngressId { get; set; } = "";

    public TokenPagination? PageToken { get; set; }
}
