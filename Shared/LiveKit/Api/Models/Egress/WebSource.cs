namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>StartEgress source: a web page (livekit.WebSource).</summary>
public sealed class WebSource
{
    public string Url { get; set; } = "";

    public bool AudioOnly { get; set; }

    public bool VideoOnly { get; set; }

    public bool AwaitStartSignal { get; set; }
}
