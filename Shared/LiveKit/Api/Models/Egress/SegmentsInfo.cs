namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A segmented output's result (livekit.SegmentsInfo).</summary>
public sealed class SegmentsInfo
{
    public string PlaylistName { get; set; } = "";

    public string LivePlaylistName { get; set; } = "";

    public long Duration { get; set; }

    public long Size { get; set; }

    public string PlaylistLocation { get; set; } = "";

    public string LivePlaylistLocation { get; set; } = "";

    public long SegmentCount { get; set; }

    public long StartedAt { get; set; }

    public long EndedAt { get; set; }
}
