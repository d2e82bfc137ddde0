namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.ListSIPInboundTrunk. Filters combine; wildcard trunks match any number.</summary>
public sealed class ListSipInboundTrunkRequest
{
    public Pagination? Page { get; set; }

    public List<string> TrunkIds { get; set; } = [];

    public List<string> Numbers { get; set; } = [];
}
