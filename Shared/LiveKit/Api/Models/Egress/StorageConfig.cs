using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Where StartEgress outputs are uploaded (livekit.StorageConfig).</summary>
public sealed class StorageConfig
{
    [ProtoOptional]
    public S3Upload? S3 { get; set; }

    [ProtoOptional]
    public GcpUpload? Gcp { get; set; }

    [ProtoOptional]
    public AzureBlobUpload? Azure { get; set; }

    [ProtoOptional]
    public AliOssUpload? AliOSS { get; set; }
}
