namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Every call goes into one room.</summary>
public sealed class SipDispatchRuleDirect
{
    public string RoomName { get; set; } = "";

    public string Pin { get; set; } = "";
}
