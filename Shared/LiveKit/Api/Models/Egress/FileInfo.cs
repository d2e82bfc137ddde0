namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A finished file of an egress (livekit.FileInfo).</summary>
public sealed class FileInfo
{
    public string Filename { get; set; } = "";

    /// <summary>Unix nanoseconds.</summary>
    public long StartedAt { get; set; }

    /// <summary>Unix nanoseconds.</summary>
    public long EndedAt { get; set; }

    /// <summary>Nanoseconds.</summary>
    public long Duration { get; set; }

    /// <summary>Bytes.</summary>
    public long Size { get; set; }

    public string Location { get; set; } = "";
}
