namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An ingress (livekit.IngressInfo).</summary>
public sealed class IngressInfo
{
    /// <summary>"IN_…".</summary>
    public string IngressId { get; set; } = "";

    public string Name { get; set; } = "";

    public string StreamKey { get; set; } = "";

    public string Url { get; set; } = "";

    public IngressInput InputType { get; set; }

    public bool BypassTranscoding { get; set; }

    public bool? EnableTranscoding { get; set; }

    public bool Reusable { get; set; }

    public IngressState? State { get; set; }

    public string RoomName { get; set; } = "";

    public string ParticipantIdentity { get; set; } = "";

    public string ParticipantName { get; set; } = "";

    public string ParticipantMetadata { get; set; } = "";

    public bool? Enabled { get; set; }
}
