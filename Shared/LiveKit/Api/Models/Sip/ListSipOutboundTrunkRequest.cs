namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.ListSIPOutboundTrunk.</summary>
public sealed class ListSipOutboundTrunkRequest
{
    public Pagination? Page { get; set; }

    public List<string> TrunkIds { get; set; } = [];

    public List<string> Numbers { get; set; } = [];
}
