namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Upload to a Google Cloud Storage bucket (livekit.GCPUpload).</summary>
public sealed class GcpUpload
{
    /// <summary>The service account JSON. Secret: never logged.</summary>
    public string Credentials { get; set; } = "";

    public string Bucket { get; set; } = "";

    public ProxyConfig? Proxy { get; set; }
}
