namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A SIP URI by parts (livekit.SIPUri).</summary>
public sealed class SipUri
{
    public string User { get; set; } = "";

    public string Host { get; set; } = "";

    public string Ip { get; set; } = "";

    public uint Port { get; set; }

    public SipTransport Transport { get; set; }
}
