namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.UpdateStream: add or remove stream URLs (livekit.UpdateStreamRequest).</summary>
public sealed class UpdateStreamRequest
{
    public string EgressId { get; set; } = "";

    public List<string> AddOutputUrls { get; set; } = [];

    public List<string> RemoveOutputUrls { get; set; } = [];
}
