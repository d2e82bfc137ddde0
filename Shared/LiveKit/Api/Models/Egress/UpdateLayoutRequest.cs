namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.UpdateLayout (livekit.UpdateLayoutRequest).</summary>
public sealed class UpdateLayoutRequest
{
    public string EgressId { get; set; } = "";

    public string Layout { get; set; } = "";
}
