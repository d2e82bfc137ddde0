namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An image output's result (livekit.ImagesInfo).</summary>
public sealed class ImagesInfo
{
    public string FilenamePrefix { get; set; } = "";

    public long ImageCount { get; set; }

    public long StartedAt { get; set; }

    public long EndedAt { get; set; }
}
