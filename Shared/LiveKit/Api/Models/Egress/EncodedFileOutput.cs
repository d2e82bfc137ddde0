using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A recorded file (livekit.EncodedFileOutput).</summary>
public sealed class EncodedFileOutput
{
    public EncodedFileType FileType { get; set; }

    /// <summary>May use templates such as {room_name} and {time}.</summary>
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
