namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.ListSIPDispatchRule response.</summary>
public sealed class ListSipDispatchRuleResponse
{
    public List<SipDispatchRuleInfo> Items { get; set; } = [];
}
