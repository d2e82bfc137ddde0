using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Periodic image snapshots (livekit.ImageOutput).</summary>
public sealed class ImageOutput
{
    public uint CaptureInterval { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public string FilenamePrefix { get; set; } = "";

    public ImageFileSuffix FilenameSuffix { get; set; }

    public ImageCodec ImageCodec { get; set; }

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
