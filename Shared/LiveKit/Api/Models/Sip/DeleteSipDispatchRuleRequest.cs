namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.DeleteSIPDispatchRule.</summary>
public sealed class DeleteSipDispatchRuleRequest
{
    public string SipDispatchRuleId { get; set; } = "";
}
