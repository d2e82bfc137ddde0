namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A page of a list (livekit.Pagination).</summary>
public sealed class Pagination
{
    public string AfterId { get; set; } = "";

    public int Limit { get; set; }
}
