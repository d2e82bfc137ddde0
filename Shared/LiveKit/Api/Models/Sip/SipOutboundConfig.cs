namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An outbound trunk given inline in a dial request (livekit.SIPOutboundConfig).</summary>
public sealed class SipOutboundConfig
{
    public string Hostname { get; set; } = "";

    public string DestinationCountry { get; set; } = "";

    public SipTransport Transport { get; set; }

    public string AuthUsername { get; set; } = "";

    public string AuthPassword { get; set; } = "";

    public Dictionary<string, string> HeadersToAttributes { get; set; } = [];

    public Dictionary<string, string> AttributesToHeaders { get; set; } = [];

    public string FromHost { get; set; } = "";
}
