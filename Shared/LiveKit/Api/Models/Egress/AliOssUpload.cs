namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Upload to Alibaba Cloud OSS (livekit.AliOSSUpload).</summary>
public sealed class AliOssUpload
{
    public string AccessKey { get; set; } = "";

    /// <summary>Secret: never logged.</summary>
    public string Secret { get; set; } = "";

    public string Region { get; set; } = "";

    public string Endpoint { get; set; } = "";

    public string Bucket { get; set; } = "";
}
