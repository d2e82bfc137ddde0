namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>The participant's RPC answer (livekit.PerformRpcResponse).</summary>
public sealed class PerformRpcResponse
{
    public string Payload { get; set; } = "";
}
