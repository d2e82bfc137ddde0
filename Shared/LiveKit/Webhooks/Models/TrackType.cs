namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>TrackInfo.Type; absent means <see cref="Audio"/>.</summary>
public enum TrackType
{
    Audio = 0,
    Video = 1,
    Data = 2,
}
