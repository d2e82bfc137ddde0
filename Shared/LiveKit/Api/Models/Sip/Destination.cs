namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Where LiveKit should place the call from (region hints) (livekit.Destination).</summary>
public sealed class Destination
{
    public string City { get; set; } = "";

    public string Country { get; set; } = "";

    public string Region { get; set; } = "";
}
