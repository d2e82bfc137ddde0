namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A proxy the egress uploads through (livekit.ProxyConfig).</summary>
public sealed class ProxyConfig
{
    public string Url { get; set; } = "";

    public string Username { get; set; } = "";

    /// <summary>Secret: never logged.</summary>
    public string Password { get; set; } = "";
}
