namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Ingress.UpdateIngress; empty strings leave a field unchanged.</summary>
public sealed class UpdateIngressRequest
{
    public string IngressId { get; set; } = "";

    public string Name { get; set; } = "";

    public string RoomName { get; set; } = "";

    public string ParticipantIdentity { get; set; } = "";

    public string ParticipantName { get; set; } = "";

    public string ParticipantMetadata { get; set; } = "";

    public bool? BypassTranscoding { get; set; }

    public bool? EnableTranscoding { get; set; }

    public bool? Enabled { get; set; }
}
