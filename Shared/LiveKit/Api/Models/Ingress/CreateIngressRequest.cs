namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Ingress.CreateIngress.</summary>
public sealed class CreateIngressRequest
{
    /// <summary>RTMP (0) is the default, so it is left out of the JSON.</summary>
    public IngressInput InputType { get; set; }

    /// <summary>URL_INPUT only: where to pull the media from.</summary>
    public string Url { get; set; } = "";

    public string Name { get; set; } = "";

    public string RoomName { get; set; } = "";

    public string ParticipantIdentity { get; set; } = "";

    public string ParticipantName { get; set; } = "";

    public string ParticipantMetadata { get; set; } = "";

    /// <summary>Deprecated: use EnableTranscoding.</summary>
    public bool BypassTranscoding { get; set; }

    public bool? EnableTranscoding { get; set; }

    public bool? Enabled { get; set; }
}
