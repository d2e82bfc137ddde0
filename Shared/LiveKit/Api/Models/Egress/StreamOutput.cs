namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Live streams (RTMP/SRT/WebSocket) an egress pushes to (livekit.StreamOutput).</summary>
public sealed class StreamOutput
{
    public StreamProtocol Protocol { get; set; }

    public List<string> Urls { get; set; } = [];
}
