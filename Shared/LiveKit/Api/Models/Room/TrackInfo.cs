namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A published track (livekit.TrackInfo).</summary>
public sealed class TrackInfo
{
    /// <summary>"TR_…".</summary>
    public string Sid { get; set; } = "";

    public TrackType Type { get; set; }

    public string Name { get; set; } = "";

    public bool Muted { get; set; }

    public uint Width { get; set; }

    public uint Height { get; set; }

    public TrackSource Source { get; set; }

    public string MimeType { get; set; } = "";

    public string Mid { get; set; } = "";

    public string Stream { get; set; } = "";
}
