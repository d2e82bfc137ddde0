namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Changes to a list field (livekit.ListUpdate): replace it, add to it, remove from it, or clear it.</summary>
public sealed class ListUpdate
{
    public List<string> Set { get; set; } = [];

    public List<string> Add { get; set; } = [];

    public List<string> Remove { get; set; } = [];

    public bool Clear { get; set; }
}
