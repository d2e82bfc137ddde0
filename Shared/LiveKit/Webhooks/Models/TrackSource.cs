namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>TrackInfo.Source (protobuf numbers).</summary>
public enum TrackSource
{
    Unknown = 0,
    Camera = 1,
    Microphone = 2,
    ScreenShare = 3,
    ScreenShareAudio = 4,
}
