namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>IngressInfo.InputType (protobuf numbers; absent means <see cref="Rtmp"/>).</summary>
public enum IngressInput
{
    Rtmp = 0,
    Whip = 1,
    Url = 2,
}
