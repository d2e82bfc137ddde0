namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.ListSIPDispatchRule.</summary>
public sealed class ListSipDispatchRuleRequest
{
    public Pagination? Page { get; set; }

    public List<string> DispatchRuleIds { get; set; } = [];

    public List<string> TrunkIds { get; set; } = [];
}
