namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.PerformRpc: call a method a participant registered (livekit.PerformRpcRequest).</summary>
public sealed class PerformRpcRequest
{
    public string Room { get; set; } = "";

    public string DestinationIdentity { get; set; } = "";

    public string Method { get; set; } = "";

    public string Payload { get; set; } = "";

    /// <summary>Milliseconds the participant has to answer.</summary>
    public uint ResponseTimeoutMs { get; set; }
}
