namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>One room per caller: "&lt;prefix&gt;_&lt;caller&gt;_&lt;random&gt;" (no random suffix with NoRandomness).</summary>
public sealed class SipDispatchRuleIndividual
{
    public string RoomPrefix { get; set; } = "";

    public string Pin { get; set; } = "";

    public bool NoRandomness { get; set; }
}
