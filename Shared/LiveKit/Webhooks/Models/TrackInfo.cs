namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's TrackInfo (the fields a voice system looks at; the rest stays in the raw JSON).</summary>
public sealed class TrackInfo
{
    public string? Sid { get; set; }
    public TrackType Type { get; set; }
    public string? Name { get; set; }
    public bool Muted { get; set; }
    public uint Width { get; set; }
    public uint Height { get; set; }
    public TrackSource Source { get; set; }
    public string? MimeType { get; set; }
    public string? Mid { get; set; }
    public string? Stream { get; set; }
}
