namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Which events an egress webhook receives (livekit.FilterParams).</summary>
public sealed class FilterParams
{
    public List<string> IncludeEvents { get; set; } = [];

    public List<string> ExcludeEvents { get; set; } = [];
}
