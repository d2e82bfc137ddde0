using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>The <c>sip</c> claim: <c>admin</c> manages trunks and dispatch rules, <c>call</c> places and transfers calls.</summary>
public sealed class SipGrant
{
    [JsonPropertyName("admin")] public bool? Admin { get; set; }
    [JsonPropertyName("call")] public bool? Call { get; set; }
}
