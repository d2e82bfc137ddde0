namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Custom encoding (instead of a preset) (livekit.EncodingOptions).</summary>
public sealed class EncodingOptions
{
    public int Width { get; set; }

    public int Height { get; set; }

    public int Depth { get; set; }

    public int Framerate { get; set; }

    public AudioCodec AudioCodec { get; set; }

    public int AudioBitrate { get; set; }

    public int AudioFrequency { get; set; }

    public VideoCodec VideoCodec { get; set; }

    public int VideoBitrate { get; set; }

    public double KeyFrameInterval { get; set; }

    public int AudioQuality { get; set; }

    public int VideoQuality { get; set; }
}
