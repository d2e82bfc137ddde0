namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>StartEgress source: a layout template over the room (livekit.TemplateSource).</summary>
public sealed class TemplateSource
{
    public string Layout { get; set; } = "";

    public bool AudioOnly { get; set; }

    public bool VideoOnly { get; set; }

    public string CustomBaseUrl { get; set; } = "";
}
