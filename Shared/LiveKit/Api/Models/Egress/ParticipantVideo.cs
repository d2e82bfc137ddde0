namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>The video of one participant (livekit.ParticipantVideo).</summary>
public sealed class ParticipantVideo
{
    public string Identity { get; set; } = "";

    public bool PreferScreenShare { get; set; }
}
