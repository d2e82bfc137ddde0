namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.SendData.</summary>
public sealed class SendDataRequest
{
    public string Room { get; set; } = "";

    /// <summary>The payload (base64 on the wire).</summary>
    public byte[]? Data { get; set; }

    public DataPacketKind Kind { get; set; }

    /// <summary>Empty = everyone in the room.</summary>
    public List<string> DestinationIdentities { get; set; } = [];

    public string Topic { get; set; } = "";

    /// <summary>Lets the server drop a repeated send; the client fills in 16 random bytes when left null.</summary>
    public byte[]? Nonce { get; set; }
}
