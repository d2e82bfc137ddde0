namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.StopEgress.</summary>
public sealed class StopEgressRequest
{
    public string EgressId { get; set; } = "";
}
