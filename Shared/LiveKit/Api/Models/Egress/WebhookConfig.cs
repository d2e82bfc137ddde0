namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An extra webhook receiver for this egress (livekit.WebhookConfig).</summary>
public sealed class WebhookConfig
{
    public string Url { get; set; } = "";

    public string SigningKey { get; set; } = "";

    public FilterParams? FilterParams { get; set; }
}
