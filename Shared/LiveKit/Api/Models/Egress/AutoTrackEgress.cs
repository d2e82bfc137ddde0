using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Records each track as it is published (livekit.AutoTrackEgress).</summary>
public sealed class AutoTrackEgress
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
