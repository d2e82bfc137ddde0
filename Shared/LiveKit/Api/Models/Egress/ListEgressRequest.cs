namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.ListEgress.</summary>
public sealed class ListEgressRequest
{
    public string RoomName { get; set; } = "";

    public string EgressId { get; set; } = "";

    public bool Active { get; set; }

    public TokenPagination? PageToken { get; set; }
}
