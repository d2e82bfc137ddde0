using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>HLS segments and playlist (livekit.SegmentedFileOutput).</summary>
public sealed class SegmentedFileOutput
{
    public SegmentedFileProtocol Protocol { get; set; }

    public string FilenamePrefix { get; set; } = "";

    public string PlaylistName { get; set; } = "";

    public string LivePlaylistName { get; set; } = "";

    public uint SegmentDuration { get; set; }

    public SegmentedFileSuffix FilenameSuffix { get; set; }

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
