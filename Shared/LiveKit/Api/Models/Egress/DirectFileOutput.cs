using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A track written as-is to a file (livekit.DirectFileOutput).</summary>
public sealed class DirectFileOutput
{
    public string Filepath { get; set; } = "";

    public bool DisableManifest { get; set; }

    [ProtoOptional]
    public S3Upload? S3 { get; set; }

    [ProtoOptional]
    public GcpUpload? Gcp { get; set; }

    [ProtoOptional]
    public AzureBlobUpload? Azure { get; set; }

    [ProtoOptional]
    public AliOssUpload? AliOSS { get; set; }
}
