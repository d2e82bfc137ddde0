namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Upload to S3 or an S3-compatible store (livekit.S3Upload).</summary>
public sealed class S3Upload
{
    public string AccessKey { get; set; } = "";

    /// <summary>Secret: never logged.</summary>
    public string Secret { get; set; } = "";

    public string SessionToken { get; set; } = "";

    public string Region { get; set; } = "";

    public string Endpoint { get; set; } = "";

    public string Bucket { get; set; } = "";

    public bool ForcePathStyle { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = [];

    public string AssumeRoleArn { get; set; } = "";

    public string AssumeRoleExternalId { get; set; } = "";

    public string Tagging { get; set; } = "";

    public string ContentDisposition { get; set; } = "";

    public ProxyConfig? Proxy { get; set; }
}
