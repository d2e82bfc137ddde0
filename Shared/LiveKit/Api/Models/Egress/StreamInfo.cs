namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>One stream output's state (livekit.StreamInfo).</summary>
public sealed class StreamInfo
{
    public string Url { get; set; } = "";

    public long StartedAt { get; set; }

    public long EndedAt { get; set; }

    public long Duration { get; set; }

    public StreamInfoStatus Status { get; set; }

    public string Error { get; set; } = "";

    public long LastRetryAt { get; set; }

    public uint Retries { get; set; }
}
