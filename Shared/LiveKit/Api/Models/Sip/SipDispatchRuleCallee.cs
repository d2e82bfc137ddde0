namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>One room per called number: "&lt;prefix&gt;_&lt;callee&gt;" (a random suffix only with Randomize).</summary>
public sealed class SipDispatchRuleCallee
{
    public string RoomPrefix { get; set; } = "";

    public string Pin { get; set; } = "";

    public bool Randomize { get; set; }
}
