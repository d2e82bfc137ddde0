namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Which audio an egress takes (livekit.AudioConfig).</summary>
public sealed class AudioConfig
{
    public bool CaptureAll { get; set; }

    public List<AudioRoute> Routes { get; set; } = [];
}
