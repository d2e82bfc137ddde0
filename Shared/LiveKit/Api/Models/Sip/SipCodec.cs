namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A codec a SIP call may use (livekit.SIPCodec).</summary>
public sealed class SipCodec
{
    public string Name { get; set; } = "";

    public uint Rate { get; set; }
}
