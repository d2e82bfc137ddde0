namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's TrackInfo (the fields a voice system looks at; the rest stays in the raw JSON).</summary>
public sealed class TrackInfo
{
    public string? Sid { get; init; }
    public TrackType Type { get; init; }
    public string? Name { get; init; }
    public bool Muted { get; init; }
    public uint Width { get; init; }
    public uint Height { get; init; }
    public TrackSource Source { get; init; }
    public string? MimeType { get; init; }
    public string? Mid { get; init; }
    public string? Stream { get; init; }
}
